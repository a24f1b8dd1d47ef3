/**
 * The run's request slots: at most `perHost` requests in flight on a host (or the host's own
 * limit from `settings.hosts`) and at most `concurrency` in all. Every request of a run takes
 * them — the network probe's, the checks' and the platform probes' — so the limits hold on the
 * wire whoever sends. Slots are taken per attempt, not per URL: the wait before a retry holds
 * none (decision 14).
 *
 * The links still to check wait here as data, not as promises: each host has a queue of
 * attempts that asked for a slot (retries, probes, samples: at most a few per link in progress)
 * and a source of links not yet started, which the slots start one at a time as the host and
 * the run have room. So the memory of a run does not grow with the links waiting (issue 16:
 * a promise and a closure per queued link were ~20 MB at 10,000 links).
 */

/** Runs one attempt once its host and the run have room for it. */
export type Schedule = <T>(attempt: () => Promise<T>) => Promise<T>;

/**
 * Starts a host's next queued link and says whether there was one. The link's first attempt
 * asks for its slot before this returns (the synchronous part of its fetch) and gets the one
 * set aside for it; a link whose fetch asks later (a target the network probe sampled) waits
 * like a retry.
 */
export type StartNext = () => boolean;

/** The slots of one run. */
export type Slots = {
  /** The schedule for attempts on `host` (a URL's hostname). */
  on(host: string): Schedule;
  /** Hands `host` its links not yet started, which start as the host and the run have room. */
  enqueue(host: string, startNext: StartNext): void;
};

type HostSlots = {
  readonly name: string;
  readonly limit: number;
  inFlight: number;
  /** Attempts that asked for a slot, oldest first; served before links not yet started. */
  readonly waiting: (() => void)[];
  /** Index of the oldest entry in `waiting` (a queue without `shift`'s copying). */
  waitingHead: number;
  startNext: StartNext | undefined;
  /** Whether it sits in `wanting`: it has work and room, and waits for a global slot. */
  isWanting: boolean;
};

/** Creates the slots for a run; `perHostFor` gives a host's own limit. */
export function createSlots(concurrency: number, perHostFor: (host: string) => number): Slots {
  const hosts = new Map<string, HostSlots>();
  let free = concurrency;
  // Hosts with work and room, each waiting for a global slot, served in turn: a freed global
  // slot goes to the next host in line, not back to the one that freed it, so when the global
  // limit binds the hosts share it round robin and none waits behind another's whole queue.
  const wanting: HostSlots[] = [];
  let wantingHead = 0;
  let isDraining = false;
  // The slot set aside while a queued link is being started (see `StartNext`).
  let setAsideFor: HostSlots | undefined;

  // A function, not an inline read: `startNext` takes the slot set aside behind TypeScript's back.
  const isSetAsideTaken = (): boolean => setAsideFor === undefined;
  const hostFor = (name: string): HostSlots => {
    let host = hosts.get(name);
    if (host === undefined) {
      host = {
        name,
        limit: perHostFor(name),
        inFlight: 0,
        waiting: [],
        waitingHead: 0,
        startNext: undefined,
        isWanting: false,
      };
      hosts.set(name, host);
    }
    return host;
  };
  const hasWork = (host: HostSlots): boolean =>
    host.waitingHead < host.waiting.length || host.startNext !== undefined;

  /** Gives `host` one slot if it has work and room; false when it has neither or no link was left. */
  const grantOne = (host: HostSlots): boolean => {
    if (host.inFlight >= host.limit || free === 0) return false;
    if (host.waitingHead < host.waiting.length) {
      const resume = host.waiting[host.waitingHead] as () => void;
      host.waiting[host.waitingHead] = noop;
      host.waitingHead += 1;
      if (host.waitingHead === host.waiting.length) {
        host.waiting.length = 0;
        host.waitingHead = 0;
      }
      take(host);
      resume();
      return true;
    }
    // Start queued links until one takes the slot set aside for it (a sampled target's link
    // does not: its fetch is already under way) or none is left.
    while (host.startNext !== undefined) {
      take(host);
      setAsideFor = host;
      const hasStarted = host.startNext();
      const isTaken = isSetAsideTaken();
      setAsideFor = undefined;
      if (!hasStarted) host.startNext = undefined;
      if (isTaken) return true;
      giveBack(host);
    }
    return false;
  };
  const take = (host: HostSlots): void => {
    host.inFlight += 1;
    free -= 1;
  };
  const giveBack = (host: HostSlots): void => {
    host.inFlight -= 1;
    free += 1;
  };
  const want = (host: HostSlots): void => {
    if (host.isWanting || !hasWork(host) || host.inFlight >= host.limit) return;
    host.isWanting = true;
    wanting.push(host);
  };
  /** Hands out free global slots to the hosts in line, one each per turn. */
  const drain = (): void => {
    if (isDraining) return;
    isDraining = true;
    while (free > 0 && wantingHead < wanting.length) {
      const host = wanting[wantingHead] as HostSlots;
      wantingHead += 1;
      host.isWanting = false;
      if (grantOne(host)) want(host);
    }
    if (wantingHead === wanting.length) {
      wanting.length = 0;
      wantingHead = 0;
    }
    isDraining = false;
  };
  const release = (host: HostSlots): void => {
    giveBack(host);
    want(host);
    drain();
  };
  const runIn = <T>(host: HostSlots, attempt: () => Promise<T>): Promise<T> => {
    let running: Promise<T>;
    try {
      running = attempt();
    } catch (error) {
      running = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return running.finally(() => {
      release(host);
    });
  };

  return {
    on(name) {
      const host = hostFor(name);
      return <T>(attempt: () => Promise<T>): Promise<T> => {
        if (setAsideFor === host) {
          setAsideFor = undefined;
          return runIn(host, attempt);
        }
        // Others already waiting go first; a free slot is taken at once only when nobody is.
        if (
          !hasWork(host) &&
          host.inFlight < host.limit &&
          free > 0 &&
          wantingHead === wanting.length
        ) {
          take(host);
          return runIn(host, attempt);
        }
        return new Promise<void>((resume) => {
          host.waiting.push(resume);
          want(host);
          drain();
        }).then(() => runIn(host, attempt));
      };
    },
    enqueue(name, startNext) {
      const host = hostFor(name);
      host.startNext = startNext;
      want(host);
      drain();
    },
  };
}

function noop(): void {
  // A served entry of a host's waiting queue, cleared so the queue holds no finished closure.
}
