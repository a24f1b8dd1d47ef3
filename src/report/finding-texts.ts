/**
 * The English texts of the machine-read reports (SARIF rules and results, JUnit test cases), in
 * one place so that a translation is one more object of the same type. Reason sentences come
 * from `reasons.ts`, the one home of those; this file adds what a rule and a test case need
 * around them. Rule ids, status and reason words stay English everywhere: they are the contract.
 */
import type { Lang } from '../i18n/index.js';
import type { Finding } from '../outcome/findings.js';
import type { Status } from '../outcome/model.js';
import { describeFinding } from './finding-sentences.js';

/** The statuses that give a finding; `ok` and `skipped` say nothing wrong about a link. */
export type FindingStatus = Exclude<Status, 'ok' | 'skipped'>;

/** Findings that are not a status (design guide §10: findings beside the status). */
export const EXTRA_FINDINGS = [
  'region/vpn-without-mirror',
  'region/access-conflict',
  'title-drift',
  'archived',
  'renamed',
  'gated',
  'withdrawn',
  'unprobed',
] as const;
export type ExtraFinding = (typeof EXTRA_FINDINGS)[number];

/** What a rule says: a title, what it means, what to do. */
export type RuleText = { title: string; meaning: string; help: string };

/** Which link a message is about. */
export type LinkSubject = {
  resourceId: string;
  title: string;
  role: 'resource' | 'mirror';
  url: string | null;
};

/** Every text the SARIF and JUnit formatters use; `en` below is the reference. */
export type FindingTexts = {
  /** The language of these texts: reason sentences are written in it too. */
  lang: Lang;
  status: Readonly<Record<FindingStatus, RuleText>>;
  findings: Readonly<Record<ExtraFinding, RuleText>>;
  /** A rule's one-line description: its status title and the reason's sentence. */
  ruleShort: (statusTitle: string, reasonSentence: string) => string;
  /** A rule's full description: the reason's sentence, then what the status means. */
  ruleMeaning: (reasonSentence: string, statusMeaning: string) => string;
  /** A rule's help: what to do about the status, then how `--fail-on` counts it. */
  ruleHelp: (statusHelp: string, failOnHint: string) => string;
  /** The sentence that ties a rule to `--fail-on`. */
  failOnHint: (key: string) => string;
  /** Who the finding is about, e.g. `resource "intro" (Intro)`. */
  subject: (link: LinkSubject) => string;
  /** A result: the URL, then what was found. */
  linkMessage: (link: LinkSubject, said: string) => string;
  movedTo: (finalUrl: string) => string;
  vpnWithoutMirror: (region: string, evidence: string) => string;
  /** A finding beside the status (`finding-sentences.ts`). */
  finding: (finding: Finding) => string;
  noUrl: string;
  /** JUnit names. */
  suiteName: (sectionId: string, sectionTitle: string) => string;
  caseName: (link: LinkSubject) => string;
  runName: (roadmapTitle: string, vantage: string) => string;
  /** A run that did not judge every link (SARIF invocation notification). */
  partialRun: string;
};

/** The English texts. */
export const FINDING_TEXTS_EN: FindingTexts = {
  lang: 'en',
  status: {
    redirected: {
      title: 'Moved permanently',
      meaning:
        'The URL answered with a permanent redirect (HTTP 301 or 308): the page lives at another address now.',
      help: 'Replace the URL with the address the redirect ends at (the result names it). `curate fix` rewrites every such URL in roadmap.yaml and keeps the rest of the file as it is.',
    },
    broken: {
      title: 'Broken link',
      meaning:
        'The content is gone: the server, the name service or the platform says so, not a passing failure.',
      help: 'Find where the content went (the author’s site, a mirror, an archive) and replace the URL, add a mirror, or remove the resource from the roadmap.',
    },
    unreachable: {
      title: 'Unreachable link',
      meaning:
        'The server could not be reached, or failed, even after retries. This can pass: it is not proof that the content is gone.',
      help: 'Open the URL in a browser. If it stays down over several audits (`curate history`), look for a new address or a mirror.',
    },
    unverified: {
      title: 'Could not be verified',
      meaning:
        'The server would not let a checker tell (a bot wall, a login, a rate limit, a private video): the page may well be fine.',
      help: 'Open the URL in a browser to confirm it. Where a site always blocks checkers, list it under `settings.exclude` or accept its status code for that host.',
    },
  },
  findings: {
    'region/vpn-without-mirror': {
      title: 'Needs a VPN in a region, with no mirror',
      meaning:
        'Learners in this region cannot open the resource without a VPN, and it has no confirmed mirror that is open there.',
      help: 'Add a mirror that is open in the region (`mirrors:` with `confirmed: true`, the default), or confirm one of the suggested mirrors after checking it.',
    },
    'region/access-conflict': {
      title: 'Declared access contradicted',
      meaning:
        'The roadmap’s `access:` for a region says one thing; the rules or an observation from the region say another.',
      help: 'Correct the `access:` declaration, or the rule, so that the roadmap tells learners the truth.',
    },
    'title-drift': {
      title: 'Page is no longer the resource',
      meaning:
        'The page answers, but its title is a placeholder (a parked domain, an empty server, a suspended site).',
      help: 'Open the URL; if the site is gone, replace the URL with the resource’s new home or remove it.',
    },
    archived: {
      title: 'Repository archived',
      meaning:
        'GitHub says the repository is archived: it still opens, read-only, and its authors no longer maintain it.',
      help: 'Look for a maintained fork or successor and link it, or tell learners in the resource’s note that the code is frozen.',
    },
    renamed: {
      title: 'Repository renamed or transferred',
      meaning:
        'The platform’s API says the repository now lives under another name or owner; the old address only redirects.',
      help: 'Run `curate fix` to replace the URL with the new one.',
    },
    gated: {
      title: 'Gated model',
      meaning:
        'Hugging Face serves the model’s files only after a learner logs in and accepts its conditions, sometimes after the author approves.',
      help: 'Say so in the resource’s note, or add an ungated mirror.',
    },
    withdrawn: {
      title: 'Paper withdrawn',
      meaning:
        'arXiv says the authors withdrew the paper; the latest version is a withdrawal notice, earlier versions stay readable.',
      help: 'Link the last version before the withdrawal (`…/abs/<id>v<N>`), or replace the paper.',
    },
    unprobed: {
      title: 'Not asked: API quota exhausted',
      meaning:
        'The platform’s API quota ran out before this link could be asked about; its page check stands, unconfirmed.',
      help: 'Set GITHUB_TOKEN for a larger quota, or run again after the quota resets.',
    },
  },
  ruleShort: (statusTitle, reasonSentence) => `${statusTitle}: ${reasonSentence}`,
  ruleMeaning: (reasonSentence, statusMeaning) =>
    `${reasonSentence.charAt(0).toUpperCase()}${reasonSentence.slice(1)}. ${statusMeaning}`,
  ruleHelp: (statusHelp, failOnHint) => `${statusHelp} ${failOnHint}`,
  failOnHint: (key) => `\`--fail-on ${key}\` makes the run fail on this finding.`,
  subject: (link) =>
    link.role === 'mirror'
      ? `mirror of "${link.resourceId}" (${link.title})`
      : `resource "${link.resourceId}" (${link.title})`,
  linkMessage: (link, said) =>
    `${FINDING_TEXTS_EN.subject(link)}: ${link.url ?? FINDING_TEXTS_EN.noUrl}: ${said}`,
  movedTo: (finalUrl) =>
    `moved permanently to ${finalUrl}; run \`curate fix\` to update the roadmap`,
  vpnWithoutMirror: (region, evidence) =>
    `needs a VPN in ${region} (${evidence}) and has no confirmed mirror open there`,
  finding: (finding) => describeFinding(finding, 'en'),
  noUrl: '(no URL)',
  suiteName: (sectionId, sectionTitle) => `${sectionId} ${sectionTitle}`,
  caseName: (link) =>
    link.role === 'mirror'
      ? `${link.title} (${link.resourceId}) mirror ${link.url ?? FINDING_TEXTS_EN.noUrl}`
      : `${link.title} (${link.resourceId})`,
  runName: (roadmapTitle, vantage) => `curate check: ${roadmapTitle} (${vantage})`,
  partialRun: 'The run was partial: not every link was checked.',
};
