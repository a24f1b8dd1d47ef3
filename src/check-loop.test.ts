import { describe, expect, it } from 'vitest';
import { testFetchSettings } from '../test/helpers/fetch-settings.js';
import { useMockAgent } from '../test/helpers/mock-agent.js';
import { checkQueued } from './check-loop.js';
import type { CheckTarget } from './domain.js';
import { createRunFetches } from './fetch/run-fetches.js';
import { createSlots } from './fetch/slots.js';

const origin = 'https://www.example.test';

const settings = testFetchSettings({
  timeoutMs: 5000,
  retryBaseDelayMs: 1,
  maxRetryAfterMs: 10,
  followMetaRefresh: false,
});

const mockAgent = useMockAgent();

describe('checkQueued', () => {
  it("starts a link only when its host has a slot for it: the run's fetch asks for one at once", async () => {
    const count = 30;
    const agent = mockAgent();
    agent
      .get(origin)
      .intercept({ path: /^\/page\//, method: 'GET' })
      .reply(200, '<title>ok</title>', { headers: { 'content-type': 'text/html' } })
      .delay(5)
      .times(count);
    const slots = createSlots(8, () => 2);
    const fetches = createRunFetches(settings, { dispatcher: agent, slots });
    const targets: CheckTarget[] = Array.from({ length: count }, (_, index) => ({
      id: String(index),
      url: new URL(`${origin}/page/${String(index)}`),
      refs: [],
    }));
    let started = 0;
    let finished = 0;
    let mostUnfinished = 0;
    const statuses: number[] = [];
    await checkQueued(targets, slots, async (target) => {
      started += 1;
      mostUnfinished = Math.max(mostUnfinished, started - finished);
      const outcome = await fetches.target(target);
      statuses.push(outcome.kind === 'response' ? outcome.status : 0);
      finished += 1;
    });
    expect(statuses).toEqual(Array.from({ length: count }, () => 200));
    // Two in flight, plus at most two whose answer is in and whose check is finishing: the other
    // links wait as list entries, not as 30 started checks each waiting for a slot.
    expect(mostUnfinished).toBeLessThanOrEqual(4);
  });

  it('rejects with the first bug', async () => {
    const slots = createSlots(1, () => 1);
    const targets: CheckTarget[] = Array.from({ length: 20 }, (_, index) => String(index)).map(
      (id) => ({
        id,
        url: new URL(`${origin}/${id}`),
        refs: [],
      }),
    );
    const checked: string[] = [];
    await expect(
      checkQueued(targets, slots, (target) => {
        checked.push(target.id);
        return slots.on(target.url.hostname)(() =>
          Promise.reject(new Error(`bug in ${target.id}`)),
        );
      }),
    ).rejects.toThrow('bug in 0');
    expect(checked[0]).toBe('0');
  });

  it('settles at once with nothing to check', async () => {
    await expect(
      checkQueued(
        [],
        createSlots(1, () => 1),
        () => Promise.resolve(),
      ),
    ).resolves.toBe(undefined);
  });
});
