// @vitest-environment node
/**
 * Outside a page, as the Node end-to-end tests use them: TOTP codes, the software authenticator,
 * and the server's checks, where the RP is the app URL the mock sends reset links to.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../../emulation/base64url';
import { createSoftwareAuthenticator } from '../../../../test/software-authenticator';
import { totpCode } from '../totp';
import { creationOptions, requestOptions } from './options';
import { newChallenge, relyingParty } from './relying-party';
import { readAssertion, verifyAssertion, verifyRegistration } from './verify';

describe('in Node', () => {
  it('computes TOTP codes', async () => {
    expect(await totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });

  it('the RP is 127.0.0.1:5173, and a passkey registers and signs in there', async () => {
    const rp = relyingParty();
    expect(rp).toEqual({ id: '127.0.0.1', name: 'Gatehouse', origins: ['http://127.0.0.1:5173'] });
    const [origin = ''] = rp.origins;
    const authenticator = createSoftwareAuthenticator({ algorithm: -257 });

    const registering = { relyingParty: rp, challenge: newChallenge() };
    const options = creationOptions({
      ...registering,
      userId: 1,
      identifier: 'alesanchezr',
      excludeCredentials: [],
    });
    const created = await verifyRegistration(
      await authenticator.register(options, origin),
      registering,
    );
    expect(created).not.toBeNull();

    const signing = { relyingParty: rp, challenge: newChallenge() };
    const assertion = readAssertion(
      await authenticator.authenticate(requestOptions(signing), origin),
    );
    expect(assertion?.userHandle).toBe('1');
    expect(assertion?.credentialId).toBe(created?.id);
    if (assertion === null || created === null) return;
    expect(await verifyAssertion(assertion, created.publicKey, signing)).toMatchObject({
      signCount: 1,
      userVerified: true,
    });
    expect(
      await verifyAssertion(assertion, created.publicKey, {
        ...signing,
        challenge: encodeBase64Url(new Uint8Array(32)),
      }),
    ).toBeNull();
  });
});
