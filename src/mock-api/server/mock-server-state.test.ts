import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64UrlJson } from '../../emulation/base64url';
import { createAccessToken } from '../../backends/flask-jwt-extended/mock/flask-jwt';
import { signClaims } from '../../emulation/jwt-signing';
import { tokenId } from './mock-server-state';

describe('tokenId', () => {
  it('reads the jti of a token without checking its signature', async () => {
    const token = await createAccessToken({ identity: '1', lifetimeSeconds: 60, nowSeconds: 0 });
    const [header, payload] = token.split('.');
    const bytes = decodeBase64Url(payload ?? '') ?? new Uint8Array();
    const { jti } = JSON.parse(new TextDecoder().decode(bytes)) as { jti: string };
    expect(tokenId(`${header ?? ''}.${payload ?? ''}.tampered`)).toBe(jti);
  });

  it('knows a token without a jti (FastAPI’s) by its signature', async () => {
    const token = await signClaims({ sub: 'ada', exp: 2_000_000_000 });
    expect(tokenId(token)).toBe(token.split('.')[2]);
  });

  it.each(['', 'not-a-jwt', 'a.b.c', `x.${encodeBase64UrlJson({ jti: 7 })}.y`, 'x.e30.'])(
    'is null for %j',
    (token) => {
      expect(tokenId(token)).toBeNull();
    },
  );
});
