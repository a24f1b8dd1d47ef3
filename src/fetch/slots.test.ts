import { describe, expect, it } from 'vitest';
import { createSlots } from './slots.js';

/** Runs `count` attempts per host through the slots and returns the most in flight seen. */
async function busiest(
  slots: ReturnType<typeof createSlots>,
  hosts: readonly string[],
  count: number,
): Promise<{ perHost: Map<string, number>; overall: number }> {
  const inFlight = new Map<string, number>();
  const perHost = new Map<string, number>();
  let overall = 0;
  let current = 0;
  await Promise.all(
    hosts.flatMap((host) =>
      Array.from({ length: count }, () =>
        slots.on(host)(async () => {
          inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
          current += 1;
          perHost.set(host, Math.max(perHost.get(host) ?? 0, inFlight.get(host) ?? 0));
          overall = Math.max(overall, current);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
          current -= 1;
        }),
      ),
    ),
  );
  return { perHost, overall };
}

describe('createSlots', () => {
  it('keeps each host to its own limit and the run to the global one', async () => {
    const slots = createSlots(3, (host) => (host === 'narrow.test' ? 1 : 2));
    const seen = await busiest(slots, ['narrow.test', 'wide.test'], 6);
    expect(Object.fromEntries(seen.perHost)).toEqual({ 'narrow.test': 1, 'wide.test': 2 });
    expect(seen.overall).toBe(3);
  });

  it('frees the slot when an attempt fails', async () => {
    const slots = createSlots(1, () => 1);
    await expect(slots.on('a.test')(() => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(slots.on('a.test')(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

/** A link that takes its host's slot for one attempt of `ms`, as a fetch's first attempt does. */
function queuedLinks(
  slots: ReturnType<typeof createSlots>,
  host: string,
  count: number,
  seen: { started: number; live: number; maxLive: number; order: string[] },
  ms = 2,
): void {
  let next = 0;
  slots.enqueue(host, () => {
    if (next === count) return false;
    const id = `${host}#${String(next)}`;
    next += 1;
    seen.started += 1;
    // Links started and not yet done: only those holding a slot, when links start lazily.
    seen.maxLive = Math.max(seen.maxLive, seen.started - seen.order.length + seen.live);
    void slots.on(host)(async () => {
      seen.live += 1;
      seen.order.push(id);
      await new Promise((resolve) => setTimeout(resolve, ms));
      seen.live -= 1;
    });
    return true;
  });
}

const until = async (isDone: () => boolean): Promise<void> => {
  while (!isDone()) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe('Slots.enqueue', () => {
  it('starts queued links only as slots free up, never more at once than the limits', async () => {
    const slots = createSlots(3, () => 2);
    const seen = { started: 0, live: 0, maxLive: 0, order: [] as string[] };
    queuedLinks(slots, 'a.test', 40, seen);
    queuedLinks(slots, 'b.test', 40, seen);
    // Nothing waits as a promise: only the links that got a slot have started.
    expect(seen.started).toBe(3);
    await until(() => seen.order.length === 80);
    expect(seen.maxLive).toBe(3);
  });

  it('shares the global slots between hosts in turn, not one host after the other', async () => {
    const slots = createSlots(1, () => 1);
    const seen = { started: 0, live: 0, maxLive: 0, order: [] as string[] };
    queuedLinks(slots, 'a.test', 3, seen, 1);
    queuedLinks(slots, 'b.test', 3, seen, 1);
    await until(() => seen.order.length === 6);
    expect(seen.order).toEqual([
      'a.test#0',
      'b.test#0',
      'a.test#1',
      'b.test#1',
      'a.test#2',
      'b.test#2',
    ]);
  });

  it('serves an attempt that asked for a slot (a retry, a probe) before links not yet started', async () => {
    const slots = createSlots(4, () => 1);
    const seen = { started: 0, live: 0, maxLive: 0, order: [] as string[] };
    queuedLinks(slots, 'a.test', 3, seen, 5);
    const retry = slots.on('a.test')(() => {
      seen.order.push('retry');
      return Promise.resolve();
    });
    await retry;
    await until(() => seen.order.length === 4);
    expect(seen.order).toEqual(['a.test#0', 'retry', 'a.test#1', 'a.test#2']);
  });

  it("starts the next link at once when a started link's fetch asks later (a sampled target)", async () => {
    const slots = createSlots(4, () => 1);
    let next = 0;
    const started: number[] = [];
    slots.enqueue('a.test', () => {
      if (next === 2) return false;
      started.push(next);
      next += 1;
      // Asks for no slot while being started.
      return true;
    });
    expect(started).toEqual([0, 1]);
    // The slot set aside was given back: an attempt now gets it at once.
    await expect(slots.on('a.test')(() => Promise.resolve('free'))).resolves.toBe('free');
  });
});
