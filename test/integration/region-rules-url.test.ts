/**
 * `--region-rules <URL>`: an AutoProxy list (here an excerpt of gfwlist) downloaded over the
 * run's own transport decides region verdicts, and a list that cannot be downloaded is an
 * input error, not a silent run without it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resolveOptions } from '../../src/options.js';
import { parseRoadmap } from '../../src/roadmap/load.js';
import { runCheck } from '../../src/run.js';
import { startWebServer, type WebServer } from '../helpers/web-server.js';

const excerptPath = fileURLToPath(
  new URL('../fixtures/region/gfwlist-excerpt.txt', import.meta.url),
);
const caFile = fileURLToPath(new URL('../fixtures/tls/ca.pem', import.meta.url));

const roadmap = parseRoadmap(
  `
version: 1
title: rules by URL
regions: [cn]
sections:
  - id: '1'
    title: s
    resources:
      # ||tokenplus.app blocks the apex; the list's @@||*.tokenplus.app exempts only subdomains.
      # (The test certificate does not cover this name: only its region verdict matters here.)
      - { id: listed, title: listed only in gfwlist, url: 'https://tokenplus.app/', kind: tool }
      - { id: unlisted, title: on no list, url: 'https://ok.example.test/', kind: article }
`,
  'rules-url.yaml',
);

let server: WebServer;
let out: string;

beforeAll(async () => {
  const excerpt = await readFile(excerptPath, 'utf8');
  server = await startWebServer(
    [
      http.get('https://rules.example.test/gfwlist.txt', () => HttpResponse.text(excerpt)),
      http.get(
        'https://rules.example.test/missing.txt',
        () => new HttpResponse('nope', { status: 404 }),
      ),
      http.get('https://ok.example.test/', () => HttpResponse.html('<title>ok</title>')),
    ],
    { tls: 'valid' },
  );
  out = await mkdtemp(join(tmpdir(), 'curate-rules-url-'));
});

afterAll(async () => {
  await server.close();
  await rm(out, { recursive: true, force: true });
});

const options = (rulesUrl: string) =>
  resolveOptions(
    {
      out,
      retries: '0',
      allowPrivate: true,
      caFile,
      quiet: true,
      regionRules: [rulesUrl],
      connectTo: ['rules.example.test', 'tokenplus.app', 'ok.example.test'].map(
        (name) => `${name}:443:127.0.0.1:${String(server.port)}`,
      ),
    },
    undefined,
    {},
  );

const deps = { toolVersion: 'test', now: () => new Date('2026-11-28T00:00:00Z') };

describe('--region-rules URL', () => {
  it('judges region access by a downloaded AutoProxy list', async () => {
    const { report } = await runCheck(
      roadmap,
      options('https://rules.example.test/gfwlist.txt'),
      deps,
    );
    const byId = Object.fromEntries(report.results.map((result) => [result.id, result]));
    expect(byId.listed?.region?.cn).toMatchObject({ access: 'vpn', source: 'rule' });
    expect(byId.unlisted?.region?.cn).toMatchObject({ access: 'open', source: 'rule' });
  });

  it('is an input error when the list cannot be downloaded', async () => {
    await expect(
      runCheck(roadmap, options('https://rules.example.test/missing.txt'), deps),
    ).rejects.toThrow(InputError);
    await expect(
      runCheck(roadmap, options('https://rules.example.test/missing.txt'), deps),
    ).rejects.toThrow(/cannot download https:\/\/rules\.example\.test\/missing\.txt/);
  });
});
