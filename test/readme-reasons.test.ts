/**
 * The README's reason table is the contract `--fail-on status:reason` and report.json readers go
 * by: it must list exactly the reasons of the result model, status by status.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASONS_BY_STATUS, STATUSES } from '../src/outcome/model.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('### Reasons'), readme.indexOf('### How redirects'));

function documentedReasons(status: string): string[] {
  const row = table.split('\n').find((line) => line.startsWith(`| \`${status}\` |`));
  const cell = row?.split('|')[2] ?? '';
  // Each reason is the first code span of a comma-separated item; "(with `finalUrl`)" is a note.
  return cell.split(',').map((item) => /`([^`]+)`/.exec(item)?.[1] ?? '');
}

describe("the README's reason table", () => {
  it.each(STATUSES)('lists every reason of %s, in order', (status) => {
    expect(documentedReasons(status)).toEqual([...REASONS_BY_STATUS[status]]);
  });
});
