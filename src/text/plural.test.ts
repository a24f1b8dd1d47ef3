import { describe, expect, it } from 'vitest';
import { plural, pluralForm } from './plural.js';

describe('plural', () => {
  it.each([
    [0, 'resource', undefined, '0 resources'],
    [1, 'resource', undefined, '1 resource'],
    [2, 'resource', undefined, '2 resources'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
    [1, 'host in flight', 'hosts in flight', '1 host in flight'],
  ])('%i %s → %s', (count, one, other, expected) => {
    expect(plural(count, one, other)).toBe(expected);
  });

  it('gives the word alone for agreement (1 resource needs, 2 resources need)', () => {
    expect(pluralForm(1, 'needs', 'need')).toBe('needs');
    expect(pluralForm(2, 'needs', 'need')).toBe('need');
  });
});
