/**
 * One undici MockAgent per test, with the network refused: a test that forgets a reply fails
 * instead of reaching the internet, and one that leaves a reply unused fails at its end.
 */
import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';

/** Registers the hooks; call the returned function inside a test for that test's agent. */
export function useMockAgent(): () => MockAgent {
  let agent: MockAgent | undefined;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    agent?.assertNoPendingInterceptors();
    await agent?.close();
    agent = undefined;
  });
  return () => {
    if (agent === undefined) throw new Error('useMockAgent: the agent exists only inside a test');
    return agent;
  };
}

/** A `sleep` that waits for nothing and records each wait it was asked for. */
export function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}
