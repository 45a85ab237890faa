import { describe, expect, it } from 'vitest';
import {
  cookieSiteWarning,
  parseApiEnv,
  parseApiProxy,
  parseFeatureEnv,
  type Parsed,
} from './env-rules';

function problemOf<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a problem, got ${JSON.stringify(parsed.value)}`);
  return parsed.problem;
}

describe('parseApiProxy (VITE_API_PROXY)', () => {
  it('is empty, meaning no proxy, when unset or blank', () => {
    expect(parseApiProxy(undefined)).toEqual({ ok: true, value: '' });
    expect(parseApiProxy('')).toEqual({ ok: true, value: '' });
    expect(parseApiProxy('   ')).toEqual({ ok: true, value: '' });
  });

  it('accepts an http(s) origin and gives it back normalized', () => {
    expect(parseApiProxy('http://127.0.0.1:5000')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:5000',
    });
    expect(parseApiProxy(' http://localhost:5000/ ')).toEqual({
      ok: true,
      value: 'http://localhost:5000',
    });
    expect(parseApiProxy('HTTPS://API.Example.com:443')).toEqual({
      ok: true,
      value: 'https://api.example.com',
    });
  });

  it('refuses what is not an absolute URL', () => {
    expect(problemOf(parseApiProxy('127.0.0.1:5000'))).toMatch(/absolute URL/);
    expect(problemOf(parseApiProxy('/api'))).toMatch(/absolute URL/);
  });

  it('refuses another scheme', () => {
    expect(problemOf(parseApiProxy('ftp://127.0.0.1:5000'))).toBe(
      'VITE_API_PROXY must use http or https, got "ftp://127.0.0.1:5000".',
    );
    expect(problemOf(parseApiProxy('ws://127.0.0.1:5000'))).toMatch(/http or https/);
  });

  it('refuses anything beyond the origin: a path, a query, a hash, credentials', () => {
    for (const value of [
      'http://127.0.0.1:5000/api',
      'http://127.0.0.1:5000/?x=1',
      'http://127.0.0.1:5000/#top',
      'http://user:secret@127.0.0.1:5000',
    ]) {
      expect(problemOf(parseApiProxy(value))).toBe(
        `VITE_API_PROXY must be an origin (scheme, host and port) with no path, such as http://127.0.0.1:5000, got "${value}".`,
      );
    }
  });
});

describe('parseApiEnv (the three variables together)', () => {
  const proxy = 'http://127.0.0.1:5000';

  it('keeps the defaults without a proxy: mock on in dev, off in a build', () => {
    expect(parseApiEnv({}, 'dev')).toEqual({
      ok: true,
      value: { apiUrl: '', mocking: true, apiProxy: '' },
    });
    expect(parseApiEnv({}, 'build')).toEqual({
      ok: true,
      value: { apiUrl: '', mocking: false, apiProxy: '' },
    });
    expect(
      parseApiEnv({ VITE_API_URL: 'http://127.0.0.1:5000/', VITE_API_MOCKING: 'false' }, 'dev'),
    ).toEqual({
      ok: true,
      value: { apiUrl: 'http://127.0.0.1:5000', mocking: false, apiProxy: '' },
    });
  });

  it('turns the mock off by default in dev when VITE_API_PROXY is set', () => {
    expect(parseApiEnv({ VITE_API_PROXY: proxy }, 'dev')).toEqual({
      ok: true,
      value: { apiUrl: '', mocking: false, apiProxy: proxy },
    });
    expect(parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_MOCKING: 'false' }, 'dev')).toEqual({
      ok: true,
      value: { apiUrl: '', mocking: false, apiProxy: proxy },
    });
  });

  it('refuses VITE_API_PROXY with VITE_API_MOCKING=true in dev, and says why', () => {
    const problem = problemOf(
      parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_MOCKING: 'true' }, 'dev'),
    );
    expect(problem).toMatch(/^VITE_API_PROXY cannot be used with VITE_API_MOCKING=true/);
    expect(problem).toContain('service worker answers the API requests in the browser');
    expect(problem).toContain('Set VITE_API_MOCKING=false or leave it unset');
  });

  it('refuses VITE_API_PROXY with a non-empty VITE_API_URL in dev', () => {
    const problem = problemOf(
      parseApiEnv(
        { VITE_API_PROXY: proxy, VITE_API_URL: 'http://127.0.0.1:5000', VITE_API_MOCKING: 'false' },
        'dev',
      ),
    );
    expect(problem).toMatch(/^VITE_API_PROXY and an absolute VITE_API_URL cannot both be set/);
    expect(problem).toContain(`forwards the API paths to ${proxy}`);
    expect(problem).toContain('Unset VITE_API_URL (got "http://127.0.0.1:5000")');
  });

  it('accepts a path for VITE_API_URL, with the proxy or without, and normalizes it', () => {
    expect(parseApiEnv({ VITE_API_URL: '/api/' }, 'build')).toEqual({
      ok: true,
      value: { apiUrl: '/api', mocking: false, apiProxy: '' },
    });
    expect(parseApiEnv({ VITE_API_URL: ' /v1/api ' }, 'build')).toMatchObject({
      ok: true,
      value: { apiUrl: '/v1/api' },
    });
    expect(parseApiEnv({ VITE_API_URL: '/' }, 'build')).toMatchObject({
      ok: true,
      value: { apiUrl: '' },
    });
    expect(parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_URL: '/api' }, 'dev')).toEqual({
      ok: true,
      value: { apiUrl: '/api', mocking: false, apiProxy: proxy },
    });
  });

  it('refuses a path with a query, a hash, a dot segment or another host', () => {
    for (const value of ['/api?x=1', '/api#top', '/api/../admin', '/./api', '/a pi']) {
      expect(problemOf(parseApiEnv({ VITE_API_URL: value }, 'build'))).toBe(
        `VITE_API_URL must be an origin such as http://127.0.0.1:5000 or a path such as /api, got "${value}".`,
      );
    }
    expect(problemOf(parseApiEnv({ VITE_API_URL: '//evil.example/api' }, 'build'))).toMatch(
      /absolute URL/,
    );
  });

  it('names VITE_API_URL when only the boilerplate’s VITE_BACKEND_URL is set', () => {
    const problem = problemOf(
      parseApiEnv({ VITE_BACKEND_URL: 'https://my-app.example.com/' }, 'build'),
    );
    expect(problem).toBe(
      'VITE_BACKEND_URL is set (to "https://my-app.example.com/") but Gatehouse reads ' +
        'VITE_API_URL. Set VITE_API_URL=/api when one Flask host serves the app and its API ' +
        "(the boilerplate's deploy), or VITE_API_URL=https://my-app.example.com/api to call " +
        'that backend from another origin.',
    );
    expect(
      parseApiEnv(
        { VITE_BACKEND_URL: 'https://my-app.example.com', VITE_API_URL: '/api' },
        'build',
      ),
    ).toMatchObject({ ok: true, value: { apiUrl: '/api' } });
  });

  it('accepts a blank VITE_API_URL with the proxy', () => {
    expect(parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_URL: '  ' }, 'dev')).toEqual({
      ok: true,
      value: { apiUrl: '', mocking: false, apiProxy: proxy },
    });
  });

  it('ignores the proxy in a build, but still refuses a malformed one', () => {
    expect(
      parseApiEnv(
        {
          VITE_API_PROXY: proxy,
          VITE_API_URL: 'https://api.example.com',
          VITE_API_MOCKING: 'true',
        },
        'build',
      ),
    ).toEqual({
      ok: true,
      value: { apiUrl: 'https://api.example.com', mocking: true, apiProxy: '' },
    });
    expect(problemOf(parseApiEnv({ VITE_API_PROXY: '127.0.0.1:5000' }, 'build'))).toMatch(
      /^VITE_API_PROXY must be an absolute URL/,
    );
  });

  it('reports a malformed variable before any combination', () => {
    expect(problemOf(parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_URL: 'nope' }, 'dev'))).toMatch(
      /^VITE_API_URL must be an absolute URL/,
    );
    expect(problemOf(parseApiEnv({ VITE_API_PROXY: proxy, VITE_API_MOCKING: 'yes' }, 'dev'))).toBe(
      'VITE_API_MOCKING must be "true" or "false", got "yes".',
    );
  });
});

describe('parseFeatureEnv (what the app offers)', () => {
  it('defaults to the tutorial: flask-jwt-extended, username, sign-up on, no server-side logout', () => {
    expect(parseFeatureEnv({})).toEqual({
      ok: true,
      value: {
        apiProfile: 'flask-jwt-extended',
        loginIdentifier: 'username',
        signup: true,
        apiLogout: false,
        passwordReset: true,
        tokenStorage: 'localStorage',
        twoFactor: false,
        passkeys: false,
      },
    });
  });

  it('turns sign-up off by default for the profiles that have none', () => {
    for (const profile of ['fastapi', 'simplejwt']) {
      expect(parseFeatureEnv({ VITE_API_PROFILE: profile })).toMatchObject({
        ok: true,
        value: { apiProfile: profile, signup: false },
      });
    }
  });

  it('offers password resets by default with flask-jwt-extended only', () => {
    expect(parseFeatureEnv({})).toMatchObject({ value: { passwordReset: true } });
    expect(parseFeatureEnv({ VITE_PASSWORD_RESET: 'false' })).toMatchObject({
      value: { passwordReset: false },
    });
    for (const profile of ['fastapi', 'simplejwt']) {
      expect(parseFeatureEnv({ VITE_API_PROFILE: profile })).toMatchObject({
        value: { passwordReset: false },
      });
    }
  });

  it('takes SimpleJWT with server-side logout (its token blacklist)', () => {
    expect(
      parseFeatureEnv({ VITE_API_PROFILE: ' SimpleJWT ', VITE_API_LOGOUT: 'true' }),
    ).toMatchObject({ ok: true, value: { apiProfile: 'simplejwt', apiLogout: true } });
  });

  it('takes the course project’s settings', () => {
    expect(
      parseFeatureEnv({
        VITE_LOGIN_IDENTIFIER: ' Email ',
        VITE_SIGNUP: 'false',
        VITE_API_LOGOUT: 'TRUE',
      }),
    ).toEqual({
      ok: true,
      value: {
        apiProfile: 'flask-jwt-extended',
        loginIdentifier: 'email',
        signup: false,
        apiLogout: true,
        passwordReset: true,
        tokenStorage: 'localStorage',
        twoFactor: false,
        passkeys: false,
      },
    });
  });

  it('keeps the tokens in httpOnly cookies with flask-jwt-extended only', () => {
    expect(parseFeatureEnv({ VITE_TOKEN_STORAGE: ' Cookie ' })).toMatchObject({
      ok: true,
      value: { tokenStorage: 'cookie' },
    });
    expect(parseFeatureEnv({ VITE_TOKEN_STORAGE: 'localstorage' })).toMatchObject({
      ok: true,
      value: { tokenStorage: 'localStorage' },
    });
    for (const profile of ['fastapi', 'simplejwt']) {
      expect(
        problemOf(parseFeatureEnv({ VITE_API_PROFILE: profile, VITE_TOKEN_STORAGE: 'cookie' })),
      ).toMatch(
        new RegExp(`^VITE_TOKEN_STORAGE=cookie needs a backend .* the ${profile} profile sends`),
      );
    }
    expect(problemOf(parseFeatureEnv({ VITE_TOKEN_STORAGE: 'session' }))).toBe(
      'VITE_TOKEN_STORAGE must be one of "localStorage", "cookie", got "session".',
    );
  });

  it('offers two-step verification and passkeys with flask-jwt-extended only, off by default', () => {
    expect(parseFeatureEnv({ VITE_TWO_FACTOR: 'true', VITE_PASSKEYS: ' TRUE ' })).toMatchObject({
      ok: true,
      value: { twoFactor: true, passkeys: true },
    });
    for (const profile of ['fastapi', 'simplejwt']) {
      expect(
        problemOf(parseFeatureEnv({ VITE_API_PROFILE: profile, VITE_TWO_FACTOR: 'true' })),
      ).toBe(
        `VITE_TWO_FACTOR=true needs the two-step verification routes of the reference Flask ` +
          `backend, and the ${profile} profile has none. Leave VITE_TWO_FACTOR unset or set it to false.`,
      );
      expect(
        problemOf(parseFeatureEnv({ VITE_API_PROFILE: profile, VITE_PASSKEYS: 'true' })),
      ).toMatch(/^VITE_PASSKEYS=true needs the passkey routes/);
      expect(parseFeatureEnv({ VITE_API_PROFILE: profile, VITE_PASSKEYS: 'false' })).toMatchObject({
        ok: true,
      });
    }
    expect(problemOf(parseFeatureEnv({ VITE_PASSKEYS: 'yes' }))).toBe(
      'VITE_PASSKEYS must be "true" or "false", got "yes".',
    );
  });

  it('refuses what it cannot use, naming the variable', () => {
    expect(problemOf(parseFeatureEnv({ VITE_LOGIN_IDENTIFIER: 'phone' }))).toBe(
      'VITE_LOGIN_IDENTIFIER must be one of "username", "email", got "phone".',
    );
    expect(problemOf(parseFeatureEnv({ VITE_API_PROFILE: 'django' }))).toBe(
      'VITE_API_PROFILE must be one of "flask-jwt-extended", "fastapi", "simplejwt", got "django".',
    );
    expect(
      problemOf(parseFeatureEnv({ VITE_API_PROFILE: 'fastapi', VITE_SIGNUP: 'true' })),
    ).toMatch(/^VITE_SIGNUP=true needs a sign-up endpoint, and the fastapi profile has none/);
    expect(
      problemOf(parseFeatureEnv({ VITE_API_PROFILE: 'fastapi', VITE_API_LOGOUT: 'true' })),
    ).toMatch(
      /^VITE_API_LOGOUT=true needs an endpoint that revokes tokens, and the fastapi profile/,
    );
    expect(
      problemOf(parseFeatureEnv({ VITE_API_PROFILE: 'simplejwt', VITE_LOGIN_IDENTIFIER: 'email' })),
    ).toMatch(/^VITE_LOGIN_IDENTIFIER=email is not available with the simplejwt profile/);
    expect(problemOf(parseFeatureEnv({ VITE_SIGNUP: 'no' }))).toBe(
      'VITE_SIGNUP must be "true" or "false", got "no".',
    );
    expect(problemOf(parseFeatureEnv({ VITE_API_LOGOUT: '1' }))).toBe(
      'VITE_API_LOGOUT must be "true" or "false", got "1".',
    );
  });
});

describe('cookieSiteWarning (where a cookie build must be served)', () => {
  it('says nothing when the API is on the app’s own origin', () => {
    expect(cookieSiteWarning('', 'cookie')).toBeNull();
    expect(cookieSiteWarning('/api', 'cookie')).toBeNull();
    expect(cookieSiteWarning('https://api.example.com', 'localStorage')).toBeNull();
  });

  it('names the host, and the cookie domain that lets a sibling host in', () => {
    expect(cookieSiteWarning('https://api.example.com/v1', 'cookie')).toMatch(
      /^VITE_TOKEN_STORAGE=cookie with the API at https:\/\/api\.example\.com\/v1: serve this build on api\.example\.com \(any port\), or on another host under example\.com with the backend's JWT_COOKIE_DOMAIN=example\.com\./,
    );
    expect(cookieSiteWarning('http://127.0.0.1:5000', 'cookie')).toMatch(
      /serve this build on 127\.0\.0\.1 \(any port\)\. The session's cookies/,
    );
    expect(cookieSiteWarning('http://localhost:5000', 'cookie')).toMatch(
      /serve this build on localhost \(any port\)\. The session's cookies/,
    );
  });
});
