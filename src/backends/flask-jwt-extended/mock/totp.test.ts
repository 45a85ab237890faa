/**
 * TOTP as authenticator apps compute it: RFC 6238's SHA-1 test vectors, base32 secrets, the
 * window of one step either way with each code good once, and the otpauth URI character for
 * character as pyotp writes it (the reference backend's library).
 */
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from './base32';
import { otpauthUri } from './otpauth-uri';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { acceptedStep, hotpCode, newTotpSecret, totpCode, totpStep } from './totp';

// RFC 6238, appendix B: the SHA-1 key is the ASCII of "12345678901234567890".
const RFC_KEY = new TextEncoder().encode('12345678901234567890');
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('RFC 6238 test vectors (SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s: %s in 8 digits, its last 6 in 6', async (seconds, code) => {
    expect(await hotpCode(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(code);
    expect(await totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });
});

describe('base32', () => {
  it('is RFC 4648’s, without padding, and reads either case or padding back', () => {
    expect(encodeBase32(RFC_KEY)).toBe(RFC_SECRET);
    expect(encodeBase32(Uint8Array.from([0, 1, 2, 3, 4, 255]))).toBe('AAAQEAYE74');
    expect(encodeBase32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    // Compared as arrays: jsdom's TextEncoder makes its Uint8Array in another realm.
    expect(Array.from(decodeBase32('mzxw6ytboi======') ?? [])).toEqual(
      Array.from(new TextEncoder().encode('foobar')),
    );
    expect(decodeBase32('not base32!')).toBeNull();
  });

  it('makes secrets of 20 random bytes: 32 characters', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe('acceptedStep', () => {
  const now = 1_700_000_010_000;
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpCode(RFC_SECRET, now + offsetSteps * 30_000);

  it('takes the code of this step, the one before and the one after, and says which', async () => {
    for (const offset of [-1, 0, 1]) {
      expect(
        await acceptedStep(RFC_SECRET, await codeAt(offset), { atMs: now, lastStep: null }),
      ).toBe(step + offset);
    }
  });

  it('refuses a code two steps away, or not 6 digits once the whitespace is gone', async () => {
    for (const code of [await codeAt(-2), await codeAt(2), '12345', '1234567', 'abcdef']) {
      expect(await acceptedStep(RFC_SECRET, code, { atMs: now, lastStep: null })).toBeNull();
    }
    const spaced = (await codeAt(0)).replace(/^(\d{3})/, ' $1\u00a0\t') + '\n';
    expect(await acceptedStep(RFC_SECRET, spaced, { atMs: now, lastStep: null })).toBe(step);
  });

  it('refuses a code whose step is not after the last one accepted', async () => {
    const current = await codeAt(0);
    expect(await acceptedStep(RFC_SECRET, current, { atMs: now, lastStep: step })).toBeNull();
    expect(
      await acceptedStep(RFC_SECRET, await codeAt(-1), { atMs: now, lastStep: step - 1 }),
    ).toBeNull();
    expect(await acceptedStep(RFC_SECRET, await codeAt(1), { atMs: now, lastStep: step })).toBe(
      step + 1,
    );
  });
});

describe('otpauthUri is pyotp’s provisioning_uri(name=identifier, issuer_name=issuer)', () => {
  it.each([
    ['ada', 'Gatehouse', 'otpauth://totp/Gatehouse:ada?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse'],
    [
      'ada@example.com',
      'Gatehouse',
      'otpauth://totp/Gatehouse:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse',
    ],
    [
      "a b/c+d~é!*'()",
      'Gate house/+&=',
      'otpauth://totp/Gate%20house/%2B%26%3D:a%20b/c%2Bd~%C3%A9%21%2A%27%28%29' +
        '?secret=JBSWY3DPEHPK3PXP&issuer=Gate%20house%2F%2B%26%3D',
    ],
  ])('%j from %j', (identifier, issuer, uri) => {
    expect(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', identifier, issuer })).toBe(uri);
  });
});

describe('recovery codes', () => {
  it('are 10 of xxxxx-xxxxx from an alphabet without look-alikes, all different', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(10);
  });

  it('hash to the SHA-256 hex of the code as issued, whatever the case, spaces or hyphens', async () => {
    const expected = '22f3f00d7f9cfe6eeefa9b71bdcb093a9080fcf4981d2dbf932648fa15a2d793';
    expect(await hashRecoveryCode('abcdefghjk')).toBe(expected);
    expect(await hashRecoveryCode('ABCDE-FGHJK')).toBe(expected);
    expect(await hashRecoveryCode(' abc de-fg hjk\n')).toBe(expected);
    expect(await hashRecoveryCode('abcde-fghjm')).not.toBe(expected);
  });
});
