// Runs an actions/github-script script the way the action does (an async function of
// `require`, `github`, `context` and `core`), against a fake issue tracker kept in a JSON file,
// for test/helpers/workflow-runner.ts. Usage: node github-script-host.mjs SCRIPT ISSUES_JSON
// (cwd: the job's workspace; GITHUB_REPOSITORY=owner/repo).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { argv, cwd, env, stdout } from 'node:process';

const [scriptFile, issuesFile] = argv.slice(2);
const issues = existsSync(issuesFile) ? JSON.parse(readFileSync(issuesFile, 'utf8')) : [];
const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
const save = () => writeFileSync(issuesFile, `${JSON.stringify(issues, null, 2)}\n`);

/** Only what the repository's scripts call, with GitHub's REST semantics for those calls. */
const github = {
  paginate: async (method, parameters) => method(parameters).then((response) => response.data),
  rest: {
    issues: {
      listForRepo: async ({ labels, state }) => ({
        data: issues.filter(
          (issue) =>
            (state === 'all' || issue.state === (state ?? 'open')) &&
            (labels === undefined ||
              String(labels)
                .split(',')
                .every((label) => issue.labels.some((found) => found.name === label))),
        ),
      }),
      create: async ({ title, body, labels }) => {
        const issue = {
          number: issues.length + 1,
          title,
          body,
          labels: (labels ?? []).map((name) => ({ name })),
          state: 'open',
          state_reason: null,
        };
        issues.push(issue);
        save();
        return { data: issue };
      },
      update: async ({ issue_number: number, ...changes }) => {
        const issue = issues.find((found) => found.number === number);
        if (issue === undefined) throw new Error(`no issue #${number}`);
        for (const key of ['title', 'body', 'state', 'state_reason']) {
          if (changes[key] !== undefined) issue[key] = changes[key];
        }
        if (changes.state === 'open') issue.state_reason = 'reopened';
        save();
        return { data: issue };
      },
    },
  },
};
const context = { repo: { owner, repo } };
const core = { info: (message) => stdout.write(`${message}\n`) };

const AsyncFunction = (async () => {}).constructor;
const script = new AsyncFunction(
  'require',
  'github',
  'context',
  'core',
  readFileSync(scriptFile, 'utf8'),
);
await script(createRequire(`${cwd()}/`), github, context, core);
