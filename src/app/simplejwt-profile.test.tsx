/**
 * A build made with VITE_API_PROFILE=simplejwt, against the mock speaking Django REST framework +
 * SimpleJWT: an access and a refresh token at login, renewal with the refresh token in a JSON
 * body, the token_blacklist app's logout, and one `token_not_valid` for every refused token.
 */
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { fetchCurrentUser } from '../api/endpoints';
import { loginTokens } from '../test/login-tokens';
import { resolveApiUrl, sendRequest } from '../api/http';
import {
  REFRESH_TOKEN_STORAGE_KEY,
  refreshToken,
  setToken,
  TOKEN_STORAGE_KEY,
} from '../auth/token-storage';
import { apiPath } from '../mock-api/handlers';
import { configureMockApi, expireMockToken, mockServer, mockServerState } from '../mock-api/node';
import { useApiProfile } from '../test/api-profile';
import { DISABLED, EXPIRED, INVALID, logInWithForm, recordReceived } from '../test/profile-tests';
import { currentUrl, mockUser, renderApp } from '../test/render-app';
import { recordRequests } from '../test/requests';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** The requests the mock receives at `path` from now on: their headers and JSON body. */
const recordSent = (path: string) =>
  recordReceived(`POST ${path}`, async (request) => ({
    authorization: request.headers.get('Authorization'),
    contentType: request.headers.get('Content-Type'),
    body: (await request.json()) as unknown,
  }));

/**
 * Logs in through the mock's POST /api/token/ and stores both tokens, as the app does; with
 * `expiredAccess`, the access token has expired by its exp (but not by the app's leeway).
 */
async function logIn(username: string, { expiredAccess = false } = {}) {
  const { password } = mockUser(username);
  if (expiredAccess) configureMockApi({ tokenLifetimeSeconds: 0 });
  const { token, refreshToken: refresh } = await loginTokens({ identifier: username, password });
  configureMockApi({ tokenLifetimeSeconds: 15 * 60 });
  if (refresh === null) throw new Error('SimpleJWT logs in with a refresh token');
  refreshToken.set(refresh);
  setToken(token);
  return { access: token, refresh };
}

/** Asks the mock to renew with `refresh`, as the app would: the ApiError it answers, or null. */
async function refusalOfRenewal(refresh: string): Promise<ApiError | null> {
  try {
    await sendRequest(resolveApiUrl('/api/token/refresh/'), null, {
      method: 'POST',
      body: { json: { refresh } },
      parse: () => undefined,
    });
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('the simplejwt profile', () => {
  it('keeps the access and the refresh token at login, and shows the id and username of /api/me/', async () => {
    useApiProfile('simplejwt');
    const requests = recordRequests();

    const { user } = await logInWithForm('ada', 'lovelace1815');
    await screen.findByRole('heading', { name: 'Welcome, ada!' });
    await user.click(screen.getByRole('link', { name: 'Profile' }));

    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('2', { selector: 'dd' })).toBeInTheDocument();
    const access = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    const refresh = window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY);
    expect(access).toMatch(JWT);
    expect(refresh).toMatch(JWT);
    expect(refresh).not.toBe(access);
    expect(requests).toEqual(['POST /api/token/', 'GET /api/me/']);
  });

  it('renews an access token expired by its exp with the refresh token in a JSON body, and retries', async () => {
    useApiProfile('simplejwt');
    const { access, refresh } = await logIn('ada', { expiredAccess: true });
    const requests = recordRequests();
    const renewals = recordSent('/api/token/refresh/');

    await renderApp({ route: '/profile' });

    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    expect(requests).toEqual(['GET /api/me/', 'POST /api/token/refresh/', 'GET /api/me/']);
    expect(renewals).toEqual([
      { authorization: null, contentType: 'application/json', body: { refresh } },
    ]);
    const renewed = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    expect(renewed).toMatch(JWT);
    expect(renewed).not.toBe(access);
    // Without rotation the refresh token stays.
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe(refresh);
  });

  it('stores the rotated refresh token, and the server refuses the old one from then on', async () => {
    useApiProfile('simplejwt');
    configureMockApi({ rotateRefreshTokens: true });
    const { refresh } = await logIn('ada', { expiredAccess: true });

    await renderApp({ route: '/profile' });

    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    const rotated = window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY);
    expect(rotated).toMatch(JWT);
    expect(rotated).not.toBe(refresh);
    expect(await refusalOfRenewal(refresh)).toMatchObject({
      status: 401,
      serverCode: 'token_not_valid',
    });
    expect(await refusalOfRenewal(rotated ?? '')).toBeNull();
  });

  it('renews once for several requests refused at once', async () => {
    useApiProfile('simplejwt');
    await logIn('ada', { expiredAccess: true });
    const requests = recordRequests();

    const users = await Promise.all([fetchCurrentUser(), fetchCurrentUser(), fetchCurrentUser()]);

    expect(users.map(({ id, identifier }) => [id, identifier])).toEqual([
      [2, 'ada'],
      [2, 'ada'],
      [2, 'ada'],
    ]);
    expect(requests.filter((request) => request === 'POST /api/token/refresh/')).toHaveLength(1);
  });

  it('ends the session as invalid when a token is refused before its exp, without renewing', async () => {
    useApiProfile('simplejwt');
    const { access } = await logIn('ada');
    expireMockToken(access);
    const requests = recordRequests();

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(INVALID);
    expect(currentUrl()).toBe('/login');
    expect(requests).toEqual(['GET /api/me/']);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('ends the session as expired when the refresh token is refused', async () => {
    useApiProfile('simplejwt');
    const { refresh } = await logIn('ada', { expiredAccess: true });
    expireMockToken(refresh);
    const requests = recordRequests();

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(EXPIRED);
    expect(currentUrl()).toBe('/login');
    expect(requests).toEqual(['GET /api/me/', 'POST /api/token/refresh/']);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('answers an inactive user’s login like wrong credentials', async () => {
    useApiProfile('simplejwt');

    await logInWithForm('alice', 'secret2');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('says the account is disabled when the user is made inactive after login', async () => {
    useApiProfile('simplejwt');
    await logIn('ada');
    const ada = mockServerState.users.find((candidate) => candidate.username === 'ada');
    if (ada !== undefined) ada.disabled = true;

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(DISABLED);
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('blacklists the refresh token on Log out, and ends the session without waiting', async () => {
    useApiProfile('simplejwt', { apiLogout: true });
    const { refresh } = await logIn('ada');
    const blacklisted = recordSent('/api/token/blacklist/');
    let answer: () => void = () => undefined;
    mockServer.use(
      http.post(apiPath('/api/token/blacklist/'), async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json({});
      }),
    );
    const { user } = await renderApp({ route: '/' });

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByText('You have logged out.')).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(blacklisted).toEqual([
      { authorization: null, contentType: 'application/json', body: { refresh } },
    ]);
    await act(async () => {
      answer();
      await Promise.resolve();
    });
  });
});
