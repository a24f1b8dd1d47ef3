/**
 * Reads a file as it was at a git ref (`git show <ref>:<path>`), for `--changed-since`. The one
 * place that runs git; it works in a shallow clone as long as the ref's commit was fetched.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { checkInputsTextOf, type Lang } from '../i18n/index.js';

type GitRun = { ok: true; stdout: string } | { ok: false; code: unknown; stderr: string };

// A roadmap is a few hundred KiB; the cap only stops a runaway read of the wrong file.
const MAX_BUFFER_BYTES = 64 * 1024 * 1024;

function runGit(args: readonly string[], cwd: string): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER_BYTES,
        windowsHide: true,
        // The answers are told apart by git's English ("does not exist in"): a translated git
        // (LANG=de_DE) would turn a file new since the ref into an error. The rest of the
        // environment (PATH, HOME, GIT_*) is git's own business and passes through unchanged.
        env: { ...process.env, LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        resolve(error === null ? { ok: true, stdout } : { ok: false, code: error.code, stderr });
      },
    );
  });
}

/**
 * The text of `path` (relative to `cwd`, or absolute) at `ref`, or `undefined` when the file did
 * not exist there. An unknown ref, a missing git or a directory outside a repository is a
 * `UsageError` in `lang` that says what to do.
 */
export async function readFileAtRef(
  ref: string,
  path: string,
  cwd: string,
  lang: Lang = 'en',
): Promise<string | undefined> {
  const words = checkInputsTextOf(lang);
  // A ref starting with `-` would be read by git as an option.
  if (ref === '' || ref.startsWith('-')) {
    throw new UsageError(words.notGitRef(ref), { hint: words.notGitRefHint, lang });
  }
  const verify = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (!verify.ok) throw refError(ref, cwd, verify, lang);
  const commit = verify.stdout.trim();
  // `<commit>:./<path>` is resolved against the working directory, not the repository root.
  const relativePath = (isAbsolute(path) ? relative(cwd, path) : path).replaceAll('\\', '/');
  const shown = await runGit(['show', `${commit}:./${relativePath}`], cwd);
  if (shown.ok) return shown.stdout;
  if (/does not exist in|exists on disk, but not in/.test(shown.stderr)) return undefined;
  throw new UsageError(words.gitCannotRead(relativePath, ref, shown.stderr.trim()), { lang });
}

function refError(
  ref: string,
  cwd: string,
  run: Extract<GitRun, { ok: false }>,
  lang: Lang,
): UsageError {
  const words = checkInputsTextOf(lang);
  if (run.code === 'ENOENT') {
    // Node reports a missing working directory the same way as a missing program.
    return new UsageError(words.gitMissing(cwd), { hint: words.gitMissingHint, lang });
  }
  // Matched on git's English; LC_ALL=C is not forced, so a translated git falls through to
  // the unknown-ref message, which is still the likely cause.
  if (/not a git repository/i.test(run.stderr)) {
    return new UsageError(words.notGitRepository(run.stderr.trim()), { lang });
  }
  return new UsageError(words.unknownGitRef(ref), { lang });
}
