/**
 * The committed test CA and certificates (test/fixtures/tls, made by its generate.sh). Trust
 * `testCaPem` through `TransportSettings.extraCaPem`; never through NODE_EXTRA_CA_CERTS.
 */
import { readFileSync } from 'node:fs';

const fixtures = new URL('../fixtures/tls/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

/** PEM of the test CA that signed both leaf certificates. */
export const testCaPem = fixture('ca.pem');

/** Which certificate a test server presents. */
export type TestCertificate = 'valid' | 'wrong-host';

/** Key and certificate for `node:https`/`node:tls` servers. */
export type KeyPair = { key: string; cert: string };

/**
 * `valid`: localhost, 127.0.0.1, ::1 and example.test, youtube.test, github.test,
 * huggingface.test, arxiv.test, google.test, bilibili.test, zhihu.test, wikipedia.test,
 * medium.test, openai.test, youtu.be.test with their subdomains (one level).
 * `wrong-host`: wrong-host.test only, so any other name fails the certificate check.
 */
export const testCertificates: Readonly<Record<TestCertificate, KeyPair>> = {
  valid: { key: fixture('server.key'), cert: fixture('server.pem') },
  'wrong-host': { key: fixture('wrong-host.key'), cert: fixture('wrong-host.pem') },
};
