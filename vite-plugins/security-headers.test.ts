import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EARLY_SUBMIT_SCRIPT } from '../src/lib/early-submit.ts';
import { apiOrigin, contentSecurityPolicy, securityHeaders } from './security-headers.ts';

const earlySubmitHash = `sha256-${createHash('sha256').update(EARLY_SUBMIT_SCRIPT).digest('base64')}`;

describe('securityHeaders', () => {
  it('gives the exact values for a build whose API is its own origin (or the mock)', () => {
    expect(securityHeaders('')).toEqual({
      'Content-Security-Policy':
        `default-src 'self'; script-src 'self' '${earlySubmitHash}'; style-src 'self'; ` +
        "img-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('adds the API origin, without its path, to connect-src only', () => {
    const policy = contentSecurityPolicy('https://api.example.com/v1');
    expect(policy).toContain("connect-src 'self' https://api.example.com;");
    expect(policy.match(/api\.example\.com/g)).toHaveLength(1);
    expect(contentSecurityPolicy('http://127.0.0.1:5000')).toContain(
      "connect-src 'self' http://127.0.0.1:5000;",
    );
  });

  it('never allows inline script, eval or inline style', () => {
    const policy = contentSecurityPolicy('https://api.example.com');
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('apiOrigin', () => {
  it('is null for the app’s own origin', () => {
    expect(apiOrigin('')).toBeNull();
    expect(apiOrigin('  ')).toBeNull();
  });

  it('drops the path and a default port', () => {
    expect(apiOrigin('https://api.example.com:443/v1/')).toBe('https://api.example.com');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => apiOrigin('api.example.com')).toThrow(/absolute/);
    expect(() => apiOrigin('ftp://api.example.com')).toThrow(/http or https/);
  });
});

it('is the policy the docs give, inline script hash included', () => {
  for (const doc of ['docs/deployment.md', 'docs/security.md']) {
    // Vitest runs from the repository's root.
    expect(readFileSync(doc, 'utf8'), doc).toContain(`script-src 'self' '${earlySubmitHash}';`);
  }
});
