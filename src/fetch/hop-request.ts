/**
 * One hop's request as one undici dispatch handler: it notes when the request reaches a
 * connection (the phase a deadline is blamed on), hands over the head, reads or discards the
 * body as the chain asks, and stops the request on the wire when the attempt is given up. No
 * interceptor, no body stream: undici parses the head once and calls straight in here.
 */
import type { Dispatcher } from 'undici';
import type { TimeoutPhase } from './network-failure.js';
import type { PageExtent } from './page-read.js';
import { createBodyReader, type BodyReader } from './read-body.js';

/** The head of one hop's answer; its body is read or discarded next, within the attempt. */
export type HopAnswer = {
  status: number;
  /** A response header, several values joined with ", ". */
  header(name: string): string | undefined;
  /** Every `Set-Cookie` value, one each (they cannot be joined: `Expires` has a comma). */
  setCookies: readonly string[];
  /**
   * The body as text, at most `maxBytes` decoded and, with an `extent`, no further than it says
   * (the rest is then left as decision 31 says), or undefined when it is not text.
   */
  readText(maxBytes: number, extent?: PageExtent): Promise<string | undefined>;
  /** Reads the body to its end without keeping it, so the connection can be reused. */
  discard(): Promise<void>;
};

/**
 * The state of the attempt's hop in flight: read when the deadline fires, and the way to stop
 * the request on the wire.
 */
export type Progress = {
  phase: TimeoutPhase;
  /** Stops the request in flight; set once undici has put it on a connection. */
  stopRequest: ((reason: Error) => void) | undefined;
  /** Why the attempt was given up, if it was; a request that reaches a connection later stops at once. */
  stopReason: Error | undefined;
};

/**
 * Past this many bytes a discarded body is cut off instead of read to its end: a new
 * connection costs less than downloading a video to keep this one (undici's `dump()` default).
 */
const DISCARD_LIMIT_BYTES = 128 * 1024;

/**
 * The rest of a page read far enough (decision 31) is read away, keeping the connection, when
 * it is known to be at most this long; a longer rest closes the connection instead.
 */
const REST_DRAIN_LIMIT_BYTES = DISCARD_LIMIT_BYTES;

/** Bytes of body kept while the chain has not yet said read or discard; past it, undici pauses. */
const UNDECIDED_BUFFER_BYTES = 64 * 1024;

/** Why a request was stopped on purpose once its body was read far enough. */
class BodyNoLongerWanted extends Error {
  override name = 'BodyNoLongerWanted';
}
const NO_LONGER_WANTED = new BodyNoLongerWanted('the rest of the body is not needed');

type BodyState =
  | { kind: 'undecided'; chunks: Buffer[]; bytes: number }
  | { kind: 'reading'; reader: BodyReader }
  | { kind: 'discarding'; bytes: number; done: () => void }
  | { kind: 'over' };

/**
 * Sends one GET through `dispatcher`; resolves with the head once it arrives, rejects with what
 * the transport reports before that.
 */
export function dispatchHop(
  url: URL,
  headers: Readonly<Record<string, string>>,
  dispatcher: Dispatcher,
  progress: Progress,
): Promise<HopAnswer> {
  const handler = new HopHandler(progress);
  try {
    dispatcher.dispatch(
      { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'GET', headers },
      handler,
    );
  } catch (error) {
    handler.onResponseError(undefined, error as Error);
  }
  return handler.head;
}

class HopHandler implements Dispatcher.DispatchHandler {
  readonly head: Promise<HopAnswer>;
  private resolveHead: (answer: HopAnswer) => void = () => undefined;
  private rejectHead: (error: Error) => void = () => undefined;
  private hasHead = false;
  private body: BodyState = { kind: 'undecided', chunks: [], bytes: 0 };
  /** How the body ended before the chain decided: undefined while it is still coming. */
  private ending: { error: Error | undefined } | undefined;
  /** Body bytes off the wire so far, to know how much of a declared length is left. */
  private wireBytes = 0;

  private readonly progress: Progress;

  constructor(progress: Progress) {
    this.progress = progress;
    this.head = new Promise<HopAnswer>((resolve, reject) => {
      this.resolveHead = resolve;
      this.rejectHead = reject;
    });
    // Given up before the head came: nobody waits for it any more.
    this.head.catch(() => undefined);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.progress.phase = 'headers';
    this.progress.stopRequest = (reason) => {
      controller.abort(reason);
    };
    // Given up while it waited for a connection: stop it before it is sent.
    if (this.progress.stopReason !== undefined) controller.abort(this.progress.stopReason);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx answers (100 Continue, 103 Early Hints) come before the real one.
    if (status < 200) return;
    this.progress.phase = 'body';
    this.hasHead = true;
    const header = (name: string): string | undefined => joined(headers[name]);
    this.resolveHead({
      status,
      header,
      setCookies: [headers['set-cookie'] ?? []].flat(),
      readText: (maxBytes, extent) => this.readText(controller, header, maxBytes, extent),
      discard: () => this.discard(controller, header('content-length')),
    });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.wireBytes += chunk.length;
    const body = this.body;
    switch (body.kind) {
      case 'undecided':
        body.chunks.push(chunk);
        body.bytes += chunk.length;
        if (body.bytes >= UNDECIDED_BUFFER_BYTES) controller.pause();
        return;
      case 'reading':
        if (!body.reader.push(chunk)) controller.pause();
        return;
      case 'discarding':
        body.bytes += chunk.length;
        if (body.bytes > DISCARD_LIMIT_BYTES) this.stop(controller);
        return;
      case 'over':
        return;
    }
  }

  onResponseEnd(): void {
    this.finishBody(undefined);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (!this.hasHead) {
      this.rejectHead(error);
      return;
    }
    this.finishBody(error === NO_LONGER_WANTED ? undefined : error);
  }

  private finishBody(error: Error | undefined): void {
    const body = this.body;
    this.body = { kind: 'over' };
    switch (body.kind) {
      case 'undecided':
        this.body = body;
        this.ending = { error };
        return;
      case 'reading':
        if (error === undefined) body.reader.end();
        else body.reader.fail(error);
        return;
      case 'discarding':
        // Like undici's dump(): a body that fails while discarded is just as gone.
        body.done();
        return;
      case 'over':
        return;
    }
  }

  private readText(
    controller: Dispatcher.DispatchController,
    header: (name: string) => string | undefined,
    maxBytes: number,
    extent: PageExtent | undefined,
  ): Promise<string | undefined> {
    const contentType = header('content-type');
    let restLeft: Promise<void> | undefined;
    const events = {
      onFull: (why: 'cap' | 'extent') => {
        // Capped: the rest is unwanted, and stopping the request is what frees the socket.
        if (why === 'cap') this.stop(controller);
        else restLeft = this.leaveRest(controller, header('content-length'));
      },
      onDrain: () => {
        controller.resume();
      },
    };
    const encoding = header('content-encoding');
    const reader = createBodyReader(contentType, encoding, maxBytes, events, extent);
    if (reader === undefined) {
      return this.discard(controller, header('content-length')).then(() => undefined);
    }
    const pending = this.takeUndecided();
    this.body = { kind: 'reading', reader };
    for (const chunk of pending) reader.push(chunk);
    this.replayEnding();
    if (!controller.aborted) controller.resume();
    // The attempt (and its slot) lasts until the rest is read away: a host never serves more
    // than the per-host limit of curate's requests at once.
    return reader.text.then((text) => (restLeft === undefined ? text : restLeft.then(() => text)));
  }

  /**
   * The rest of a page read far enough: read away when it is short (the connection is kept for
   * the host's next link), cut off when it is long or turns out to be (decision 31).
   */
  private leaveRest(
    controller: Dispatcher.DispatchController,
    contentLength: string | undefined,
  ): Promise<void> {
    return new Promise<void>((resolve) => {
      this.body = { kind: 'discarding', bytes: 0, done: resolve };
      if (Number(contentLength) - this.wireBytes > REST_DRAIN_LIMIT_BYTES) this.stop(controller);
    });
  }

  private discard(
    controller: Dispatcher.DispatchController,
    contentLength: string | undefined,
  ): Promise<void> {
    const pendingBytes = this.body.kind === 'undecided' ? this.body.bytes : 0;
    this.takeUndecided();
    return new Promise<void>((resolve) => {
      this.body = { kind: 'discarding', bytes: pendingBytes, done: resolve };
      if (this.replayEnding()) return;
      if (Number(contentLength) > DISCARD_LIMIT_BYTES || pendingBytes > DISCARD_LIMIT_BYTES) {
        this.stop(controller);
        return;
      }
      if (!controller.aborted) controller.resume();
    });
  }

  private takeUndecided(): Buffer[] {
    return this.body.kind === 'undecided' ? this.body.chunks : [];
  }

  /** Plays the end that came before the chain decided; true when there was one. */
  private replayEnding(): boolean {
    if (this.ending === undefined) return false;
    this.finishBody(this.ending.error);
    return true;
  }

  /** Stops the request on the wire; the body counts as read to where it got. */
  private stop(controller: Dispatcher.DispatchController): void {
    this.finishBody(undefined);
    if (!controller.aborted) controller.abort(NO_LONGER_WANTED);
  }
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
