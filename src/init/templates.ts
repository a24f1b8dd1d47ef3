/**
 * The files `curate init` writes to start a roadmap repository: a minimal roadmap and the two
 * workflows that run curate's action (validate and check on pull requests, a nightly audit).
 */

import { CURATE_REPOSITORY } from '../curate-repository.js';

/** The action's major version tag that the workflows follow. */
export const CURATE_ACTION_VERSION = 'v1';

/** The roadmap JSON Schema as published with the action, for editors (yaml-language-server). */
export const ROADMAP_SCHEMA_URL = `https://raw.githubusercontent.com/${CURATE_REPOSITORY}/${CURATE_ACTION_VERSION}/schema/roadmap.schema.json`;

/** The modeline (a YAML comment's text, without `#`) that points editors at the schema. */
export const ROADMAP_SCHEMA_MODELINE = ` yaml-language-server: $schema=${ROADMAP_SCHEMA_URL}`;

const ACTION = `${CURATE_REPOSITORY}@${CURATE_ACTION_VERSION}`;
// Pinned by commit, as this repository's own workflows pin it (a tag can be moved).
const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';

/** A file `curate init` writes, relative to the directory it starts. */
export type TemplateFile = { path: string; text: string };

/** The smallest roadmap that validates: one section, one resource, the schema modeline. */
export function minimalRoadmap(title: string): string {
  return `#${ROADMAP_SCHEMA_MODELINE}
# A curate roadmap: sections of resources whose links curate checks.
# Run \`curate validate\` after editing; see the README of curate for every key.
version: 1
title: ${JSON.stringify(title)}
regions: [cn]
sections:
  - id: '1'
    title: Getting started
    resources:
      - id: github-actions-docs
        title: GitHub Actions documentation
        url: https://docs.github.com/en/actions
        kind: docs
        description: Where the workflows that check this roadmap run.
`;
}

/** Validates the roadmap and checks the links a pull request changed. */
export function pullRequestWorkflow(roadmap: string): string {
  return `# Validates the roadmap and checks the links a pull request adds or changes.
name: roadmap
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${ACTION}
        with:
          command: validate
          roadmap: ${roadmap}
  check:
    needs: validate
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
        with:
          # The pull request's base must be there for changed-only.
          fetch-depth: 0
      - uses: ${ACTION}
        with:
          command: check
          roadmap: ${roadmap}
          changed-only: true
          cache: true
          annotations: true
          job-summary: true
`;
}

/** Checks every link each night and keeps one tracking issue for what stays broken. */
export function nightlyAuditWorkflow(roadmap: string): string {
  return `# Checks every link of the roadmap each night; one labelled issue tracks what stays broken.
name: link audit
on:
  schedule:
    - cron: '17 3 * * *'
  workflow_dispatch:
permissions:
  contents: read
  issues: write
jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${ACTION}
        with:
          command: check
          roadmap: ${roadmap}
          cache: true
          job-summary: true
          # What fails tonight goes to the tracking issue below, not to a red run.
          fail-on: none
      # Only history knows which links stay broken night after night: it keeps the issue.
      - uses: ${ACTION}
        with:
          command: history
          args: reports/report.json
          tracking-issue: true
          token: \${{ secrets.GITHUB_TOKEN }}
`;
}

/** Every file of a new roadmap repository. */
export function initTemplates(title: string): TemplateFile[] {
  const roadmap = 'roadmap.yaml';
  return [
    { path: roadmap, text: minimalRoadmap(title) },
    { path: '.github/workflows/roadmap.yml', text: pullRequestWorkflow(roadmap) },
    { path: '.github/workflows/link-audit.yml', text: nightlyAuditWorkflow(roadmap) },
  ];
}
