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
