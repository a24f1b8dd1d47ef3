/**
 * Prints the notes of one version from CHANGELOG.md (Keep a Changelog: `## [X.Y.Z] - date`
 * headings), for the GitHub release the release workflow creates. Exits 1, naming the file,
 * when the version has no section or an empty one: a release without notes is a mistake.
 *
 *   node scripts/changelog-notes.mjs 0.2.0 [CHANGELOG.md]
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
if (version === undefined) {
  process.stderr.write('usage: node scripts/changelog-notes.mjs <version> [CHANGELOG.md]\n');
  process.exit(2);
}
const lines = (await readFile(file, 'utf8')).split('\n');
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const start = lines.findIndex((line) => new RegExp(`^## \\[?v?${escaped}\\]?( |$)`).test(line));
if (start === -1) {
  process.stderr.write(`${file}: no "## [${version}]" section; add the release's notes.\n`);
  process.exit(1);
}
const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
const notes = lines
  .slice(start + 1, end === -1 ? undefined : end)
  // Link references at the bottom belong to the whole file.
  .filter((line) => !/^\[[^\]]+\]: /.test(line))
  .join('\n')
  .trim();
if (notes === '') {
  process.stderr.write(`${file}: the ${version} section is empty.\n`);
  process.exit(1);
}
process.stdout.write(`${notes}\n`);
