/**
 * Who the mock is to an authenticator: the page's host as RP ID and the page's origin as the one
 * allowed origin (the reference backend reads them from WEBAUTHN_RP_ID and WEBAUTHN_ORIGIN); in
 * Node, where no page runs the mock, the app URL it sends reset links to.
 */
import { encodeBase64Url } from '../../../../emulation/base64url';
import { appUrl } from '../../../../mock-api/server/mock-accounts';

export interface RelyingParty {
  id: string;
  name: string;
  origins: readonly string[];
}

export function relyingParty(): RelyingParty {
  const url = new URL(appUrl());
  return { id: url.hostname, name: 'Gatehouse', origins: [url.origin] };
}

/** 32 random bytes, base64url: what the authenticator signs, new for every ceremony. */
export const newChallenge = () => encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));

export async function sha256(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes)));
}
