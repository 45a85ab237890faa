/** HMAC-SHA256 signatures with Web Crypto, available in browsers and in Node. */
const encoder = new TextEncoder();

function importKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

export async function signHs256(signingInput: string, secret: string): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign(
    'HMAC',
    await importKey(secret),
    encoder.encode(signingInput),
  );
  return new Uint8Array(signature);
}

export async function verifyHs256(
  signingInput: string,
  signature: Uint8Array,
  secret: string,
): Promise<boolean> {
  return crypto.subtle.verify(
    'HMAC',
    await importKey(secret),
    new Uint8Array(signature),
    encoder.encode(signingInput),
  );
}
