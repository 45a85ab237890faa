/**
 * A build made with VITE_API_PROFILE=fastapi, against the mock speaking FastAPI's OAuth2 tutorial:
 * a form login, no refresh token, `/users/me/` without an id, and one 401 for every refused token.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  REFRESH_TOKEN_STORAGE_KEY,
  refreshToken,
  setToken,
  TOKEN_STORAGE_KEY,
} from '../auth/token-storage';
import { apiPath } from '../mock-api/handlers';
import { configureMockApi, mockServer } from '../mock-api/node';
import { useApiProfile } from '../test/api-profile';
import { DISABLED, EXPIRED, INVALID, logInWithForm, recordReceived } from '../test/profile-tests';
import { currentUrl, logInAs, renderApp } from '../test/render-app';
import { recordRequests } from '../test/requests';

/** The login requests the mock receives from now on, as sent. */
const recordLogins = () =>
  recordReceived('POST /token', async (request) => ({
    contentType: request.headers.get('Content-Type'),
    body: await request.text(),
  }));

/** The GET /users/me/ requests' Authorization headers, from now on. */
const recordAuthorizations = () =>
  recordReceived('GET /users/me/', (request) => request.headers.get('Authorization'));

/** The profile page's rows, label and value. */
function profileRows(): [string, string][] {
  return screen
    .getAllByRole('term')
    .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? '']);
}

describe('the fastapi profile', () => {
  it('logs in with a form, keeps only the access token, and greets by the /users/me/ username', async () => {
    useApiProfile('fastapi');
    const logins = recordLogins();
    const authorizations = recordAuthorizations();

    await logInWithForm('johndoe', 'secret');

    expect(await screen.findByRole('heading', { name: 'Welcome, johndoe!' })).toBeInTheDocument();
    expect(logins).toEqual([
      {
        contentType: 'application/x-www-form-urlencoded',
        body: 'username=johndoe&password=secret',
      },
    ]);
    const token = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(authorizations).toEqual([`Bearer ${token ?? ''}`]);
  });

  it('sends the email in the form’s username field when people log in with their email', async () => {
    useApiProfile('fastapi', { loginIdentifier: 'email' });
    const logins = recordLogins();

    await logInWithForm('johndoe@example.com', 'secret', 'Email');

    expect(
      await screen.findByRole('heading', { name: 'Welcome, johndoe@example.com!' }),
    ).toBeInTheDocument();
    expect(logins.map(({ body }) => new URLSearchParams(body).get('username'))).toEqual([
      'johndoe@example.com',
    ]);
    expect(logins[0]?.body).not.toContain('email=');
  });

  it('shows the username, email and full name on the profile, and no ID', async () => {
    useApiProfile('fastapi');
    await renderApp({ route: '/profile', as: 'johndoe' });

    await screen.findByText('johndoe', { selector: 'dd' });
    expect(profileRows()).toEqual([
      ['Username', 'johndoe'],
      ['Email', 'johndoe@example.com'],
      ['Full name', 'John Doe'],
    ]);
  });

  it('says so when the password is wrong, and focuses the password', async () => {
    useApiProfile('fastapi');

    await logInWithForm('johndoe', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(screen.getByLabelText('Username')).toHaveValue('johndoe');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('says the server could not read the details when FastAPI answers the login with 422', async () => {
    useApiProfile('fastapi');
    mockServer.use(
      http.post(apiPath('/token'), () =>
        HttpResponse.json(
          {
            detail: [
              { loc: ['body', 'username'], msg: 'field required', type: 'value_error.missing' },
            ],
          },
          { status: 422 },
        ),
      ),
    );

    await logInWithForm('johndoe', 'secret');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not read these details',
    );
    await waitFor(() => {
      expect(screen.getByLabelText('Username')).toHaveFocus();
    });
  });

  it('lets a disabled user log in, then ends the session on 400 "Inactive user"', async () => {
    useApiProfile('fastapi');
    const requests = recordRequests();

    await logInWithForm('alice', 'secret2');

    expect(await screen.findByRole('alert')).toHaveTextContent(DISABLED);
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
    expect(requests).toEqual(['POST /token', 'GET /users/me/']);
  });

  it('calls a token refused before its exp no longer valid', async () => {
    useApiProfile('fastapi');
    const [header, payload] = (await logInAs('johndoe')).split('.');
    // The same claims under a signature the server did not make.
    setToken(`${header ?? ''}.${payload ?? ''}.${'A'.repeat(43)}`);

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(INVALID);
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('calls a token refused after its exp expired, and tries no renewal', async () => {
    useApiProfile('fastapi');
    // Expired by the server's clock as soon as it is issued, but within the app's leeway.
    configureMockApi({ tokenLifetimeSeconds: 0 });
    const requests = recordRequests();

    await logInWithForm('johndoe', 'secret');

    expect(await screen.findByRole('alert')).toHaveTextContent(EXPIRED);
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(requests).toEqual(['POST /token', 'GET /users/me/']);
  });

  it('ends the session when the token expires while the app is open, whatever refresh token is stored', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    useApiProfile('fastapi');
    configureMockApi({ tokenLifetimeSeconds: 60 });
    const token = await logInAs('johndoe');
    // As if left by a build for another backend on this origin; FastAPI renews nothing.
    refreshToken.set(token);
    await renderApp({ route: '/' });
    await screen.findByRole('heading', { name: 'Welcome, johndoe!' });

    await act(async () => {
      await vi.advanceTimersByTimeAsync(70_000);
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(EXPIRED);
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    vi.useRealTimers();
  });
});
