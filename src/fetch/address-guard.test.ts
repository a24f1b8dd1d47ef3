import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  addressRange,
  assertPublicLiteral,
  guardLookup,
  isPublicAddress,
  PrivateAddressError,
} from './address-guard.js';
import { PRIVATE_ADDRESS_CODE } from './network-failure.js';

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['198.18.0.7', true],
    ['198.19.255.1', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    // Every spelling of an IPv4 inside IPv6.
    ['::ffff:7f00:1', false],
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['::a00:1', false],
    ['::ffff:0:7f00:1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b::10.0.0.1', false],
    ['64:ff9b::808:808', true],
    ['64:ff9b:1::a00:1', false],
    ['2002:7f00:1::1', false],
    ['2001::1', false],
    ['2001:db8::1', false],
    ['100::1', false],
    ['fec0::1', false],
    ['3fff::1', false],
    ['4000::1', false],
    ['192.0.0.1', false],
    ['192.0.2.1', false],
    ['240.0.0.1', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('addressRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['100.64.1.1', 'carrierGradeNat'],
    ['fd12::1', 'uniqueLocal'],
    ['1.1.1.1', 'unicast'],
    ['example.test', 'invalid'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
  });
});

describe('assertPublicLiteral', () => {
  it.each(['127.0.0.1', '[::1]', '10.0.0.8', '[::ffff:127.0.0.1]'])('refuses %s', (hostname) => {
    expect(() => {
      assertPublicLiteral(hostname);
    }).toThrow(PrivateAddressError);
  });

  it.each(['www.example.test', 'localhost', '1.1.1.1', '[2606:4700:4700::1111]'])(
    'lets %s through (names are checked after resolution)',
    (hostname) => {
      expect(() => {
        assertPublicLiteral(hostname);
      }).not.toThrow();
    },
  );
});

describe('guardLookup', () => {
  function fakeLookup(answer: readonly LookupAddress[]): LookupFunction {
    return (_hostname, options: LookupOptions, callback) => {
      if (options.all === true) {
        callback(null, [...answer]);
      } else {
        callback(null, answer[0]!.address, answer[0]!.family);
      }
    };
  }

  function resolve(
    lookup: LookupFunction,
    all: boolean,
  ): Promise<{ error: NodeJS.ErrnoException | null; address: unknown }> {
    return new Promise((done) => {
      lookup('www.example.test', { all }, (error, address) => {
        done({ error, address });
      });
    });
  }

  it.each([true, false])('passes public answers through (all: %s)', async (all) => {
    const guarded = guardLookup(fakeLookup([{ address: '93.184.216.34', family: 4 }]));

    const { error, address } = await resolve(guarded, all);

    expect(error).toBeNull();
    expect(address).toEqual(all ? [{ address: '93.184.216.34', family: 4 }] : '93.184.216.34');
  });

  it.each([true, false])('refuses a name that resolves to loopback (all: %s)', async (all) => {
    const guarded = guardLookup(fakeLookup([{ address: '127.0.0.1', family: 4 }]));

    const { error } = await resolve(guarded, all);

    expect(error).toBeInstanceOf(PrivateAddressError);
    expect(error).toMatchObject({
      code: PRIVATE_ADDRESS_CODE,
      hostname: 'www.example.test',
      address: '127.0.0.1',
    });
  });

  it('refuses the whole answer when any address is private', async () => {
    const guarded = guardLookup(
      fakeLookup([
        { address: '93.184.216.34', family: 4 },
        { address: '::1', family: 6 },
      ]),
    );

    const { error } = await resolve(guarded, true);

    expect(error).toMatchObject({ address: '::1' });
  });

  it('passes resolver errors on unchanged', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    const guarded = guardLookup((_hostname, _options, callback) => {
      callback(notFound, '');
    });

    const { error } = await resolve(guarded, false);

    expect(error).toBe(notFound);
  });
});
