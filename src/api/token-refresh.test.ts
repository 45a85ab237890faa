import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { getSessionEndReason, watchSession } from '../auth/session';
import {
  getToken,
  REFRESH_TOKEN_STORAGE_KEY,
  refreshToken,
  setToken,
  TOKEN_STORAGE_KEY,
} from '../auth/token-storage';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { otherTabWrites } from '../test/other-tab';
import { renderApp } from '../test/render-app';
import { apiRequest } from './api-client';
import { renewAccessToken } from './token-refresh';

/** A JWT-shaped token; these tests stand in for the server, so only its claims matter. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const now = () => Math.floor(Date.now() / 1000);
const expiredAccess = jwt({ sub: '1', type: 'access', exp: now() - 60, jti: 'old' });
const freshAccess = jwt({ sub: '1', type: 'access', exp: now() + 900, jti: 'new' });
const refresh = jwt({ sub: '1', type: 'refresh', exp: now() + 86_400, jti: 'refresh' });

/** /protected accepts only the fresh token; /refresh answers with it, counting the calls. */
function backendWithRefresh(refreshStatus = 200) {
  const calls = { refresh: 0, protectedWith: [] as string[] };
  mockServer.use(
    http.post(apiPath('/refresh'), ({ request }) => {
      calls.refresh += 1;
      if (request.headers.get('Authorization') !== `Bearer ${refresh}`) {
        return HttpResponse.json({ msg: 'Only refresh tokens are allowed' }, { status: 422 });
      }
      return refreshStatus === 200
        ? HttpResponse.json({ access_token: freshAccess })
        : HttpResponse.json({ msg: 'Token has expired' }, { status: refreshStatus });
    }),
    http.get(apiPath('/protected'), ({ request }) => {
      const header = request.headers.get('Authorization') ?? '';
      calls.protectedWith.push(header);
      return header === `Bearer ${freshAccess}`
        ? HttpResponse.json({ id: 1, username: 'alesanchezr' })
        : HttpResponse.json({ msg: 'Token has expired' }, { status: 401 });
    }),
  );
  return calls;
}

const parseAny = (data: unknown) => data;

describe('refresh tokens', () => {
  it('renews once for twenty requests failing at once, and retries each with the new token', async () => {
    const calls = backendWithRefresh();
    setToken(expiredAccess);
    refreshToken.set(refresh);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => apiRequest('/protected', { parse: parseAny })),
    );

    expect(calls.refresh).toBe(1);
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ id: 1, username: 'alesanchezr' })));
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(freshAccess);
    expect(calls.protectedWith.filter((h) => h === `Bearer ${freshAccess}`)).toHaveLength(20);
  });

  it('ends the session when the refresh token is refused', async () => {
    const calls = backendWithRefresh(401);
    setToken(expiredAccess);
    refreshToken.set(refresh);

    await expect(apiRequest('/protected', { parse: parseAny })).rejects.toMatchObject({
      status: 401,
    });

    expect(calls.refresh).toBe(1);
    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('keeps the session when the refresh request cannot reach the server', async () => {
    backendWithRefresh();
    mockServer.use(http.post(apiPath('/refresh'), () => HttpResponse.error()));
    setToken(expiredAccess);
    refreshToken.set(refresh);

    await expect(apiRequest('/protected', { parse: parseAny })).rejects.toMatchObject({
      kind: 'network',
    });
    expect(getToken()).toBe(expiredAccess);
  });

  it('without a refresh token, an expired token ends the session and nothing is renewed', async () => {
    const calls = backendWithRefresh();
    setToken(expiredAccess);

    await expect(apiRequest('/protected', { parse: parseAny })).rejects.toMatchObject({
      status: 401,
    });

    expect(calls.refresh).toBe(0);
    expect(getToken()).toBeNull();
  });

  it('uses the token another tab renewed instead of renewing again', async () => {
    const calls = backendWithRefresh();
    setToken(expiredAccess);
    refreshToken.set(refresh);
    // The other tab wrote its renewed token; this tab has not seen the storage event yet.
    window.localStorage.setItem(TOKEN_STORAGE_KEY, freshAccess);

    await expect(renewAccessToken(expiredAccess)).resolves.toBe(freshAccess);
    expect(calls.refresh).toBe(0);
  });

  it('renews an expired token from the expiry watch instead of ending the session', async () => {
    const calls = backendWithRefresh();
    setToken(expiredAccess);
    refreshToken.set(refresh);

    const stop = watchSession({ renew: renewAccessToken });
    await vi.waitFor(() => {
      expect(getToken()).toBe(freshAccess);
    });
    stop();

    expect(calls.refresh).toBe(1);
    expect(getSessionEndReason()).toBeNull();
  });

  it('follows a refresh token another tab stored, and renews instead of ending the session', async () => {
    const calls = backendWithRefresh();
    const stop = watchSession({ renew: renewAccessToken });
    otherTabWrites(refresh, REFRESH_TOKEN_STORAGE_KEY);
    otherTabWrites(expiredAccess);

    await vi.waitFor(() => {
      expect(getToken()).toBe(freshAccess);
    });
    stop();
    expect(calls.refresh).toBe(1);
    expect(getSessionEndReason()).toBeNull();
  });

  it('a reload with an expired access token and a refresh token renews and shows the page', async () => {
    const calls = backendWithRefresh();
    setToken(expiredAccess);
    refreshToken.set(refresh);

    await renderApp({ route: '/profile' });

    expect(await screen.findByText('alesanchezr', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    expect(calls.refresh).toBe(1);
  });

  it('keeps the refresh token a login returns, and drops it on logout', async () => {
    backendWithRefresh();
    mockServer.use(
      http.post(
        apiPath('/token'),
        () => HttpResponse.json({ token: freshAccess, user_id: 1, refresh_token: refresh }),
        { once: true },
      ),
    );
    const { user } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe(refresh);

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });
});
