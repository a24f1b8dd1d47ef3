/**
 * The URL table every probe test states: what `match` takes (and the match it makes) and what
 * it leaves to the generic classifier. One helper, so each probe's test reads as its table.
 */
import { expect, it } from 'vitest';
import type { Probe } from '../../src/probes/probe.js';

/** Each URL is the probe's, whatever key it makes. */
export function itAppliesTo(probe: Probe, inputs: readonly string[]): void {
  it.each(inputs)('applies to %s', (input) => {
    expect(probe.match(new URL(input))?.probeId).toBe(probe.id);
  });
}

/** Each `[input, key, url]`: the probe matches `input` as content `key` at canonical `url`. */
export function itMatchesAs(
  probe: Probe,
  cases: readonly (readonly [input: string, key: string, url: string])[],
): void {
  it.each(cases)('%s → key %s', (input, key, url) => {
    expect(probe.match(new URL(input))).toEqual({ probeId: probe.id, key, url: new URL(url) });
  });
}

/** No URL here is the probe's. */
export function itDoesNotApplyTo(probe: Probe, inputs: readonly string[]): void {
  it.each(inputs)('does not apply to %s', (input) => {
    expect(probe.match(new URL(input))).toBeUndefined();
  });
}
