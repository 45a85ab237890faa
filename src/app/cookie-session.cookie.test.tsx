/**
 * A build with VITE_TOKEN_STORAGE=cookie against the mock in flask-jwt-extended's cookie mode: the
 * tokens live in httpOnly cookies, the page reads only their CSRF values.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_STORAGE_KEY, TOKEN_STORAGE_KEY } from '../auth/token-storage';
import { apiPath } from '../mock-api/handlers';
import { configureMockApi, mockServer } from '../mock-api/node';
import { currentUrl, logInAs, renderApp } from '../test/render-app';

const JWT_SHAPE = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/;

function readableCookie(name: string): string | null {
  const pair = document.cookie
    .split(';')
    .map((each) => each.trim())
    .find((each) => each.startsWith(`${name}=`));
  return pair === undefined ? null : pair.slice(name.length + 1) || null;
}

interface SeenRequest {
  line: string;
  credentials: RequestCredentials;
  authorization: string | null;
  csrf: string | null;
}

/** The requests the app makes from now on, with what a server would see of them. */
function watchRequests() {
  const seen: SeenRequest[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    seen.push({
      line: `${request.method} ${new URL(request.url).pathname}`,
      credentials: request.credentials,
      authorization: request.headers.get('Authorization'),
      csrf: request.headers.get('X-CSRF-TOKEN'),
    });
  });
  return seen;
}

async function logInThroughTheForm(username: string, password: string) {
  const { user } = await renderApp({ route: '/login' });
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  return user;
}

/** What another tab of this browser says on the channel the tabs share. */
function anotherTabSays(message: { change: string; value: string | null; reason?: string }) {
  const channel = new BroadcastChannel('gatehouse:cookie-session');
  channel.postMessage({ name: 'csrf_access_token', ...message });
  channel.close();
}

/** What another tab of this browser does when its session ends: the shared cookies go, it tells. */
function anotherTabEndsTheSession(reason = 'logout') {
  document.cookie = 'csrf_access_token=; Max-Age=0; Path=/';
  anotherTabSays({ change: 'end', value: null, reason });
}

/** Another tab of this browser logs in: the answer's cookies are this page's too, and it tells. */
async function anotherTabLogsIn(username: string, password: string) {
  const response = await fetch(apiPath('/token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
    credentials: 'include',
  });
  expect(response.status).toBe(200);
  anotherTabSays({ change: 'start', value: readableCookie('csrf_access_token') });
  await delay(20);
}

describe('a session in httpOnly cookies', () => {
  it('logs in with cookies only: no token in storage or readable cookies, no Authorization', async () => {
    const seen = watchRequests();
    await logInThroughTheForm('alesanchezr', '12341234');

    expect(await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
    expect(readableCookie('csrf_access_token')).not.toBeNull();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(document.cookie).not.toMatch(JWT_SHAPE);
    expect(window.sessionStorage.length).toBe(0);
    expect(seen.map(({ line }) => line)).toEqual(['POST /token', 'GET /protected']);
    for (const request of seen) {
      expect(request.credentials).toBe('include');
      expect(request.authorization).toBeNull();
    }
    // A GET changes nothing, so it shows no CSRF value.
    expect(seen[1]?.csrf).toBeNull();
  });

  it('confirms a session left in the cookies before anything private shows', async () => {
    await logInAs('ada');
    configureMockApi({ latencyMs: 100 });
    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeVisible();
  });

  it('says the session expired when the server says its token did, and shows the login form', async () => {
    configureMockApi({ tokenLifetimeSeconds: 0 });
    await logInAs('ada');
    configureMockApi({ tokenLifetimeSeconds: 15 * 60 });

    await renderApp({ route: '/profile' });

    expect(await screen.findByText('Your session has expired. Please log in again.')).toBeVisible();
    expect(currentUrl()).toBe('/login');
    expect(readableCookie('csrf_access_token')).toBeNull();
    expect(screen.queryByText('ada', { selector: 'dd' })).not.toBeInTheDocument();
  });

  it('renews an expired access cookie once with the refresh cookie, and goes on', async () => {
    configureMockApi({ issueRefreshTokens: true, tokenLifetimeSeconds: 0 });
    const firstCsrf = await logInAs('ada');
    configureMockApi({ tokenLifetimeSeconds: 15 * 60 });
    const refreshCsrf = readableCookie('csrf_refresh_token');
    expect(refreshCsrf).not.toBeNull();
    const seen = watchRequests();

    await renderApp({ route: '/profile' });

    expect(await screen.findByText('ada', { selector: 'dd' })).toBeVisible();
    expect(seen.map(({ line }) => line)).toEqual([
      'GET /protected',
      'POST /refresh',
      'GET /protected',
    ]);
    expect(seen[1]?.csrf).toBe(refreshCsrf);
    expect(readableCookie('csrf_access_token')).not.toBe(firstCsrf);
  });

  it('logs out through the server, with the CSRF value the cookies ask for', async () => {
    const csrf = await logInAs('ada');
    const { user } = await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, ada!' });
    const seen = watchRequests();

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByText('You have logged out.')).toBeVisible();
    await waitFor(() => {
      expect(seen.map(({ line }) => line)).toEqual(['POST /logout']);
    });
    expect(seen[0]).toMatchObject({ credentials: 'include', csrf, authorization: null });
    expect(readableCookie('csrf_access_token')).toBeNull();
  });

  it('ends the session here even when the server cannot be reached to log out', async () => {
    await logInAs('ada');
    const { user } = await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, ada!' });
    mockServer.use(http.post(apiPath('/logout'), () => HttpResponse.error()));

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByText('You have logged out.')).toBeVisible();
    expect(readableCookie('csrf_access_token')).toBeNull();
    // Opened again, the app finds no session to confirm.
    expect(currentUrl()).toBe('/login');
  });

  it('follows another tab that ended the session', async () => {
    await logInAs('ada');
    await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, ada!' });

    await act(async () => {
      anotherTabEndsTheSession();
      await delay(20);
    });

    expect(await screen.findByText('You logged out in another tab.')).toBeVisible();
    expect(currentUrl()).toBe('/login');
  });

  it('follows another tab whose news arrive before this page sees the cookie go', async () => {
    await logInAs('ada');
    await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, ada!' });

    await act(async () => {
      anotherTabSays({ change: 'end', value: null, reason: 'logout' });
      await delay(60);
      document.cookie = 'csrf_access_token=; Max-Age=0; Path=/';
    });

    expect(await screen.findByText('You logged out in another tab.')).toBeVisible();
    expect(currentUrl()).toBe('/login');
  });

  it('says the session expired when another tab found out it had', async () => {
    await logInAs('ada');
    await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, ada!' });

    await act(async () => {
      anotherTabEndsTheSession('expired');
      await delay(20);
    });

    expect(await screen.findByText('Your session has expired. Please log in again.')).toBeVisible();
  });

  it('never shows the previous user’s data when the other tab’s news arrive late', async () => {
    await logInAs('ada');
    await renderApp({ route: '/profile' });
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeVisible();

    // Another tab renewed, logged out and logged in as someone else; this tab hears of all three
    // afterwards, when the cookies already hold the new session.
    await act(async () => {
      const renewedThen = 'a-value-long-gone';
      document.cookie = 'csrf_access_token=; Max-Age=0; Path=/';
      await fetch(apiPath('/token'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'alesanchezr', password: '12341234' }),
        credentials: 'include',
      });
      anotherTabSays({ change: 'renewal', value: renewedThen });
      anotherTabSays({ change: 'end', value: null, reason: 'logout' });
      anotherTabSays({ change: 'start', value: readableCookie('csrf_access_token') });
      await delay(20);
    });

    expect(await screen.findByText('alesanchezr', { selector: 'dd' })).toBeVisible();
    expect(screen.queryByText('ada', { selector: 'dd' })).not.toBeInTheDocument();
  });

  it('can log out while the server cannot confirm the session', async () => {
    await logInAs('ada');
    mockServer.use(
      http.get(
        apiPath('/protected'),
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 }),
      ),
    );
    const { user } = await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent('error 502');
    expect(screen.queryByText('ada')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByText('You have logged out.')).toBeVisible();
    expect(readableCookie('csrf_access_token')).toBeNull();
  });

  it('follows another tab that logged in', async () => {
    await renderApp({ route: '/login' });
    await screen.findByRole('button', { name: 'Log in' });

    await act(async () => {
      await anotherTabLogsIn('ada', 'lovelace1815');
    });

    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeVisible();
  });

  it('sends the CSRF value with a password change, and goes on with the new cookies', async () => {
    const csrf = await logInAs('ada');
    const { user } = await renderApp({ route: '/account' });
    await screen.findByRole('heading', { name: 'Change password' });
    const seen = watchRequests();

    await user.type(screen.getByLabelText('Current password'), 'lovelace1815');
    await user.type(screen.getByLabelText('New password'), 'analytical-engine-1843');
    await user.type(screen.getByLabelText('Confirm new password'), 'analytical-engine-1843');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Password changed.')).toBeVisible();
    expect(seen[0]).toMatchObject({ line: 'POST /password', csrf, authorization: null });
    expect(readableCookie('csrf_access_token')).not.toBe(csrf);
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeVisible();
  });

  it('says so when the login answer set no cookie this page can read', async () => {
    mockServer.use(
      http.post(apiPath('/token'), () => HttpResponse.json({ login: true, user_id: 1 })),
    );
    await logInThroughTheForm('alesanchezr', '12341234');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'its session cookie did not reach this page',
    );
    expect(currentUrl()).toBe('/login');
  });
});
