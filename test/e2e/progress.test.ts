/**
 * The progress output end to end, as CI sees it: the built CLI with stderr piped (not a
 * terminal) against a local server where one link answers only when the test lets it. Nothing
 * is timed: the test waits (with a generous deadline) until the periodic lines have named the
 * pending link, then releases it and expects the run to finish.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, REPO_ROOT } from '../helpers/cli.js';
import { htmlPage } from '../helpers/responses.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const fastHosts = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}.example.test`);
const lateUrl = 'http://late.example.test/page';

/**
 * How long the lines may take to show up: two 5 s ticks need about 10 s, and a run on a loaded
 * 2-core machine several more. Reaching it means no such line was ever printed.
 */
const LINES_DEADLINE_MS = 90_000;

// The fast hosts come first, so the network probe samples them and never the late one.
const ROADMAP = `version: 1
title: progress roadmap
sections:
  - id: one
    title: One
    resources:
${fastHosts.map((host, index) => `      - { id: fast-${String(index)}, title: Fast ${String(index)}, url: 'http://${host}/', kind: docs }`).join('\n')}
      - { id: late, title: Late, url: '${lateUrl}', kind: docs }
`;

/** Held answers to the late link, sent when the test releases them. */
const held: ServerResponse[] = [];
let isReleased = false;
let server: WebServer;
let workDir: string;

beforeAll(async () => {
  assertCliBuilt();
  server = await startWebServer([http.get('*/', () => htmlPage('Fast'))], {
    raw: (request, response) => {
      if (request.headers.host !== 'late.example.test') return false;
      if (isReleased) response.end('<title>Late</title>');
      else held.push(response);
      return true;
    },
  });
  workDir = await mkdtemp(join(tmpdir(), 'curate-progress-'));
  await writeFile(join(workDir, 'roadmap.yaml'), ROADMAP);
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

function release(): void {
  isReleased = true;
  for (const response of held.splice(0)) response.end('<title>Late</title>');
}

/** Resolves once `predicate` holds for the stderr so far; rejects at the deadline. */
function waitFor(read: () => string, predicate: (text: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + LINES_DEADLINE_MS;
    const poll = setInterval(() => {
      if (predicate(read())) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`progress never showed it; stderr so far:\n${read()}`));
      }
    }, 50);
  });
}

describe('curate check progress with stderr piped (CI)', () => {
  it(
    'prints a line every few seconds while a link is late, naming it, and a last one when done',
    async () => {
      const child = spawn(
        process.execPath,
        [
          CLI_PATH,
          'check',
          join(workDir, 'roadmap.yaml'),
          '-o',
          join(workDir, 'out'),
          '--allow-private',
          // Far beyond the test: the late link is answered, never timed out.
          '--timeout',
          '600s',
          ...[...fastHosts, 'late.example.test'].flatMap((host) => [
            '--connect-to',
            `${host}:80:127.0.0.1:${String(server.port)}`,
          ]),
        ],
        {
          cwd: REPO_ROOT,
          env: { PATH: process.env.PATH ?? '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      const waitingLines = (text: string) =>
        text.split('\n').filter((line) => line.includes(`waiting on 1: ${lateUrl} (`));

      try {
        // Two periodic lines, while the late link is the only thing left.
        await waitFor(
          () => stderr,
          (text) => waitingLines(text).length >= 2,
        );
      } catch (error) {
        child.kill();
        throw error;
      } finally {
        release();
      }
      expect(await exited).toBe(0);

      const lines = stderr.trimEnd().split('\n');
      expect(stderr).not.toContain('\r');
      for (const line of waitingLines(stderr)) {
        expect(line).toMatch(
          /^checked 5\/6 \(83%\), 0 failing, 1 request out on 1 host, waiting on 1: http:\/\/late\.example\.test\/page \(\d+ s, attempt 1\/3\)$/,
        );
      }
      // The wait keeps counting from one line to the next.
      const waits = waitingLines(stderr).map((line) => Number(/\((\d+) s,/.exec(line)?.[1]));
      expect(waits[1]).toBeGreaterThan(waits[0] ?? Infinity);
      expect(lines.at(-1)).toBe('checked 6/6 (100%), 0 failing, no request out');
    },
    LINES_DEADLINE_MS + 30_000,
  );
});
