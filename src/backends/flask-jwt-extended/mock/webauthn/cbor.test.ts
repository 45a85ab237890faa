/**
 * The CBOR WebAuthn needs: RFC 8949's examples, round trips of what attestation objects and COSE
 * keys hold, and the refusals of what the reference backend's fido2 refuses too.
 */
import { describe, expect, it } from 'vitest';
import { decodeCbor, decodeCborPrefix, encodeCbor, type CborValue } from './cbor';

const hex = (text: string) =>
  Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

describe('RFC 8949’s examples (appendix A)', () => {
  const examples: [CborValue, string][] = [
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [1000, '1903e8'],
    [1000000, '1a000f4240'],
    [1000000000000, '1b000000e8d4a51000'],
    [-1, '20'],
    [-1000, '3903e7'],
    [false, 'f4'],
    [true, 'f5'],
    [null, 'f6'],
    ['', '60'],
    ['IETF', '6449455446'],
    ['ü', '62c3bc'],
    [hex('01020304'), '4401020304'],
    [[1, [2, 3], [4, 5]], '8301820203820405'],
    [
      new Map<number | string, CborValue>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
      'a26161016162820203',
    ],
  ];
  it.each(examples.map(([value, encoded]) => ({ value, encoded })))(
    '$encoded, both ways',
    ({ value, encoded }) => {
      expect(toHex(encodeCbor(value))).toBe(encoded);
      expect(decodeCbor(hex(encoded))).toEqual(value);
    },
  );
});

describe('round trips', () => {
  it('an attestation object and a COSE EC2 key, in their order', () => {
    const key = new Map<number | string, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(32).fill(7)],
      [-3, new Uint8Array(32).fill(9)],
    ]);
    const attestation = new Map<number | string, CborValue>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', encodeCbor(key)],
    ]);

    const decoded = decodeCbor(encodeCbor(attestation));

    expect(decoded).toEqual(attestation);
    expect(decoded instanceof Map && [...decoded.keys()]).toEqual(['fmt', 'attStmt', 'authData']);
    const authData = decoded instanceof Map ? decoded.get('authData') : null;
    expect(authData instanceof Uint8Array && decodeCbor(authData)).toEqual(key);
  });

  it('lengths of every size of head', () => {
    for (const length of [0, 23, 24, 255, 256, 65535, 65536]) {
      const bytes = new Uint8Array(length).fill(1);
      expect(decodeCbor(encodeCbor(bytes))).toEqual(bytes);
      const text = 'x'.repeat(length);
      expect(decodeCbor(encodeCbor(text))).toBe(text);
    }
  });

  it('decodes a prefix and says where it ends, for the data after a COSE key', () => {
    const bytes = Uint8Array.from([...encodeCbor([1, 'two']), 0xff, 0xff]);
    expect(decodeCborPrefix(bytes)).toEqual({ value: [1, 'two'], end: 6 });
    expect(decodeCborPrefix(bytes, 1)).toEqual({ value: 1, end: 2 });
  });
});

describe('refuses', () => {
  it.each([
    ['bytes after the item', '0000'],
    ['a truncated string', '4401'],
    ['a truncated map', 'a161'],
    ['an indefinite length', '5f42010243030405ff'],
    ['a tag', 'c11a514b67b0'],
    ['a float', 'f93c00'],
    ['undefined', 'f7'],
    ['a map key that is an array', 'a18001'],
    ['a map key twice', 'a2616101616102'],
    ['text that is not UTF-8', '62c328'],
    ['an integer past 2^53', '1b0020000000000000'],
    ['nothing', ''],
  ])('%s', (_, encoded) => {
    expect(() => decodeCbor(hex(encoded))).toThrow(/CBOR/);
  });

  it('nesting deeper than any WebAuthn structure', () => {
    expect(() => decodeCbor(Uint8Array.from([...new Array<number>(40).fill(0x81), 0]))).toThrow(
      /too deep/,
    );
  });
});
