/**
 * `curate history <report.json>`: adds a report to history.json, sorts the links into new,
 * persistent and recovered failures, and writes the tracking issue for the audit workflow.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { renderTrackingIssue, TRACKING_ISSUE, type TrackingIssue } from '../ci/tracking-issue.js';
import { EXIT_CODES, UsageError, type ExitCode } from '../errors.js';
import { DEFAULTS } from '../options/defaults.js';
import { LANG_HELP, resolveLang, roadmapLangOf } from '../options/lang.js';
import { commandOutputTextOf, flagTextOf, type Lang } from '../i18n/index.js';
import { parseFormatFlag, parseIntFlag, resolveFailOn } from '../options/parsers.js';
import {
  assessFlakiness,
  emptyHistory,
  type Flakiness,
  parseHistory,
  renderHistory,
  updateHistory,
} from '../report/history.js';
import { writeFileAtomically } from '../report/write.js';
import { addFailOnOption, type CommandIo, type RunCommand } from './io.js';
import { readOptionalInputFile, readReportFile } from './read-input.js';

/** Raw flags of `curate history`. */
export type HistoryFlags = {
  history?: string;
  failAfter?: string;
  keep?: string;
  trackingIssue?: string;
  failOn?: string;
  runUrl?: string;
  reportUrl?: string;
  lang?: string;
  format?: string;
};

/** What `history --format` prints on stdout. */
const HISTORY_FORMATS = ['text', 'json'] as const;

/**
 * Records a report in the history. Exits 1 when the tracking issue should be open (some link has
 * failed `--fail-after` runs in a row), 0 when it should be closed; the files are written either way.
 */
export async function historyCommand(
  reportFile: string,
  flags: HistoryFlags,
  io: CommandIo,
): Promise<ExitCode> {
  const failAfter = parseIntFlag(flags.failAfter, '--fail-after', 1, io.lang) ?? DEFAULTS.failAfter;
  const keep = parseIntFlag(flags.keep, '--keep', 1, io.lang) ?? DEFAULTS.historyKeep;
  if (keep <= failAfter) {
    const words = flagTextOf(io.lang ?? 'en');
    throw new UsageError(words.keepNotMore(keep, failAfter), {
      hint: words.keepNotMoreHint,
      lang: io.lang,
    });
  }
  const failing = resolveFailOn(flags.failOn, undefined, io.lang);
  const format = parseFormatFlag(flags.format, HISTORY_FORMATS, 'text', io.lang);
  // With --format json, stdout is the JSON alone; the line about the issue file goes to stderr.
  const messages = format === 'json' ? io.stderr : io.stdout;
  if (flags.lang !== undefined) resolveLang({ flag: flags.lang, env: io.env });
  const report = await readReportFile(reportFile, io.lang);
  // The tracking issue speaks the roadmap's language (its lang:) unless --lang says otherwise.
  const roadmapText = await readFile(resolve(io.cwd, report.roadmap.path), 'utf8').catch(
    () => undefined,
  );
  const lang = resolveLang({ flag: flags.lang, roadmap: roadmapLangOf(roadmapText), env: io.env });
  const historyFile = flags.history ?? join(dirname(reportFile), 'history.json');
  const text = await readOptionalInputFile(historyFile, 'history', lang);
  const before = text === undefined ? emptyHistory() : parseHistory(text, historyFile, lang);

  const history = updateHistory(before, report, { keep });
  const flakiness = assessFlakiness(history, { failAfter, failing });
  await writeFileAtomically(historyFile, renderHistory(history), 'history', lang);

  const issue = renderTrackingIssue(report, flakiness, {
    runUrl: flags.runUrl ?? githubRunUrl(io.env) ?? reportFile,
    reportUrl: flags.reportUrl,
    failAfter,
    lang,
  });
  const links = Object.keys(history.links).length;
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify({ history: historyFile, links, ...flakiness, shouldBeOpen: issue.shouldBeOpen }, null, 2)}\n`
      : describeFlakiness(historyFile, links, flakiness, lang),
  );
  if (flags.trackingIssue !== undefined) {
    await writeFileAtomically(
      flags.trackingIssue,
      renderIssueFile(issue, flags.trackingIssue),
      'trackingIssue',
      lang,
    );
    messages.write(
      `${commandOutputTextOf(lang).historyWroteIssue(flags.trackingIssue, issue.shouldBeOpen)}\n`,
    );
  }
  return issue.shouldBeOpen ? EXIT_CODES.failing : EXIT_CODES.ok;
}

/**
 * The tracking issue file: JSON (`title`, `label`, `shouldBeOpen`, `body`) when the name ends in
 * `.json`, for actions/github-script; otherwise the Markdown body alone, for `gh --body-file`.
 */
function renderIssueFile(issue: TrackingIssue, file: string): string {
  if (!file.toLowerCase().endsWith('.json')) return issue.body;
  const json = {
    title: issue.title,
    label: TRACKING_ISSUE.label,
    shouldBeOpen: issue.shouldBeOpen,
    body: issue.body,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The Actions run's page, from the variables every workflow run sets. */
function githubRunUrl(env: CommandIo['env']): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!server || !repository || !runId) return undefined;
  return `${server}/${repository}/actions/runs/${runId}`;
}

/** The summary and one line per failing or recovered link, in the language of the issue. */
export function describeFlakiness(
  file: string,
  links: number,
  flakiness: Flakiness,
  lang: Lang = 'en',
): string {
  const words = commandOutputTextOf(lang);
  const { persistent, newFailures, recovered } = flakiness;
  const lines = [
    words.historySummary(file, links, persistent.length, newFailures.length, recovered.length),
  ];
  for (const { key, latest, since, streak } of persistent) {
    lines.push(words.historyPersistent(key, latest.status, latest.reason, since, streak));
  }
  for (const { key, latest, since } of newFailures) {
    lines.push(words.historyNew(key, latest.status, latest.reason, since));
  }
  for (const { key, latest, since, recoveredAt } of recovered) {
    lines.push(words.historyRecovered(key, latest.status, recoveredAt, since));
  }
  return `${lines.join('\n')}\n`;
}

/** Adds `history` to the program. */
export function registerHistoryCommand(program: Command, run: RunCommand): void {
  const command = program
    .command('history')
    .description(
      'add a report to history.json and write the tracking issue (exit 1 while it should be open)',
    )
    .argument('<report>', 'report.json of the run, e.g. merged shards')
    .option('--lang <lang>', LANG_HELP)
    .option('--history <file>', 'history file to update (default: history.json next to the report)')
    .option('--fail-after <runs>', 'failing runs in a row before a link counts (default: 2)')
    .option('--keep <runs>', 'observations kept per link (default: 20)')
    .option(
      '--tracking-issue <file>',
      'write the tracking issue: JSON (title, label, shouldBeOpen, body) for .json, else the Markdown body',
    )
    .option(
      '--run-url <url>',
      'link to the run log in the issue (default: from GITHUB_* variables)',
    )
    .option(
      '--report-url <url>',
      'link to the published report.html in the issue, e.g. on GitHub Pages',
    )
    .option('--format <format>', 'text (default) or json: the new, persistent and recovered links');
  addFailOnOption(command, 'count as failing');
  command.action((reportFile: string, flags: HistoryFlags) =>
    run((io) => historyCommand(reportFile, flags, io)),
  );
}
