/**
 * Keeps a roadmap from making curate knock on the checker's own network: loopback, private,
 * link-local, CGNAT, multicast and other special addresses are refused unless allowed. Names are
 * checked after resolution, inside the connector, so DNS rebinding cannot slip past.
 */
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PRIVATE_ADDRESS_CODE } from './network-failure.js';

/**
 * 198.18.0.0/15 is a benchmarking range, but Clash and Surge in "fake-ip" mode answer every DNS
 * query with an address from it and route the connection through the proxy. Many learners in
 * mainland China run exactly that, so refusing it would refuse every link.
 * https://wiki.metacubex.one/en/config/dns/#fake-ip-range
 */
const FAKE_IP_RANGE = ipaddr.parseCIDR('198.18.0.0/15');

/** Raised instead of connecting to a non-public address; surfaces as reason `private-address`. */
export class PrivateAddressError extends Error {
  override readonly name = 'PrivateAddressError';
  readonly code = PRIVATE_ADDRESS_CODE;
  readonly hostname: string;
  readonly address: string;

  constructor(hostname: string, address: string) {
    const where = hostname === address ? address : `${hostname} (${address})`;
    super(
      `${where} is a ${addressRange(address)} address; curate only connects to public addresses unless --allow-private is given`,
    );
    this.hostname = hostname;
    this.address = address;
  }
}

/**
 * The ipaddr.js range of an IP address (`unicast` for public ones), with IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) unwrapped to the IPv4 it stands for; `invalid` for a non-address.
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) {
    return 'invalid';
  }
  return ipaddr.process(address).range();
}

/**
 * Whether curate may connect to this IP address without private addresses being allowed. An
 * address is judged as the 32 or 128 bits it is, after ipaddr.js has read any spelling of it
 * (URLs reach here already normalised by the WHATWG parser: `2130706433`, `0x7f.1` and
 * `0177.0.0.1` are all `127.0.0.1`); an IPv4 address inside IPv6 is judged as that IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) {
    return false;
  }
  // `::ffff:127.0.0.1` (IPv4-mapped) becomes 127.0.0.1 here.
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') {
    return parsed.range() === 'unicast' || parsed.match(FAKE_IP_RANGE);
  }
  const ipv6 = parsed as ipaddr.IPv6;
  // NAT64 (RFC 6052): on an IPv6-only network DNS64 answers every IPv4-only site with
  // 64:ff9b::<its IPv4>, and the gateway connects to that IPv4, so that is what is judged.
  if (ipv6.match(NAT64_PREFIX)) {
    const [high = 0, low = 0] = ipv6.parts.slice(6);
    return isPublicAddress(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
  }
  // Only 2000::/3 is allocated as global unicast. ipaddr.js calls the rest of ::/8 (e.g. the
  // deprecated IPv4-compatible `::127.0.0.1`, which URLs write `[::7f00:1]`) unicast too.
  return ipv6.range() === 'unicast' && ipv6.match(GLOBAL_UNICAST);
}

const NAT64_PREFIX = ipaddr.parseCIDR('64:ff9b::/96');
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** Throws `PrivateAddressError` when `hostname` is an IP literal that is not public. */
export function assertPublicLiteral(hostname: string): void {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0 && !isPublicAddress(bare)) {
    throw new PrivateAddressError(bare, bare);
  }
}

/**
 * Wraps a DNS lookup so that a name resolving to any non-public address fails with
 * `PrivateAddressError`. Refusing the whole answer (rather than filtering it) keeps a
 * half-private name from working one connection and failing the next.
 */
export function guardLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error !== null) {
        callback(error, address, family);
        return;
      }
      const addresses = typeof address === 'string' ? [address] : address.map(addressOf);
      const refused = addresses.find((candidate) => !isPublicAddress(candidate));
      if (refused === undefined) {
        callback(null, address, family);
        return;
      }
      callback(new PrivateAddressError(hostname, refused), typeof address === 'string' ? '' : []);
    });
  };
}

function addressOf(entry: LookupAddress): string {
  return entry.address;
}
