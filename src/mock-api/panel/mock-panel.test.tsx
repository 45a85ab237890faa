/**
 * The Mock API panel, rendered as the browser mock renders it: its settings in localStorage, its
 * handlers answering the app's requests. A value set in the panel is saved and applied at once.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { requestPasswordReset } from '../../api/account-endpoints';
import { ApiError } from '../../api/api-error';
import { fetchCurrentUser } from '../../api/endpoints';
import { loginTokens } from '../../test/login-tokens';
import { resolveApiUrl, sendRequest } from '../../api/http';
import { getSessionEndReason } from '../../auth/session';
import { getToken } from '../../auth/token-storage';
import { simplejwt } from '../../backends/simplejwt/dialect';
import { useApiProfile } from '../../test/api-profile';
import { logInAs } from '../../test/render-app';
import { decodeBase64Url } from '../../emulation/base64url';
import { totpCode } from '../../backends/flask-jwt-extended/mock/totp';
import { createSoftwareAuthenticator } from '../../test/software-authenticator';
import { apiPath, createHandlers } from '../handlers';
import { createStoredMockConfigStore, MOCK_CONFIG_STORAGE_KEY } from '../server/mock-config';
import { createMockControls } from './mock-controls';
import {
  keepServerStateInStorage,
  MOCK_ACCOUNTS_STORAGE_KEY,
  MOCK_FACTORS_STORAGE_KEY,
  MOCK_TOKENS_STORAGE_KEY,
} from '../server/mock-persistence';
import { MockPanel } from './mock-panel';
import { createMockServerState } from '../server/mock-server-state';
import { mockServer } from '../node';

/** The panel wired like startBrowserMock wires it, with its handlers in front of the test server's. */
function renderPanel() {
  const errors = vi.spyOn(console, 'error');
  const state = createMockServerState(createStoredMockConfigStore());
  keepServerStateInStorage(state);
  mockServer.use(...createHandlers(state));
  const controls = createMockControls(state, getToken);
  const user = userEvent.setup();
  render(<MockPanel controls={controls} />);
  return { user, errors, toggle: screen.getByRole('button', { name: /^Mock API/ }) };
}

async function openPanel() {
  const rendered = renderPanel();
  await rendered.user.click(rendered.toggle);
  return rendered;
}

const stored = (): Record<string, unknown> =>
  JSON.parse(window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY) ?? '{}') as Record<
    string,
    unknown
  >;

const logIn = () => loginTokens({ identifier: 'ada', password: 'lovelace1815' });

async function failureOf(request: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await request.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

describe('the Mock API panel', () => {
  it('starts as one collapsed button, opens, and closes with Escape back onto the button', async () => {
    const { user, toggle, errors } = renderPanel();

    expect(screen.getByRole('complementary', { name: 'Mock API' })).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('heading', { name: 'Mock API' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('Delay (ms)'));
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    expect(screen.queryByLabelText('Delay (ms)')).not.toBeInTheDocument();
    expect(errors).not.toHaveBeenCalled();
  });

  it('saves a failure set in the panel to localStorage, and the next request gets it', async () => {
    const { user, errors } = await openPanel();

    await user.selectOptions(screen.getByLabelText('Kind of failure'), 'No network');
    await user.click(screen.getByRole('checkbox', { name: 'Fail the next request' }));

    expect(stored()).toMatchObject({ failNext: true, failureKind: 'network-error' });
    expect((await failureOf(logIn())).kind).toBe('network');
    // Used up: the box clears itself, and the next request goes through.
    await waitFor(() => {
      expect(screen.getByRole('checkbox', { name: 'Fail the next request' })).not.toBeChecked();
    });
    expect(stored()).toMatchObject({ failNext: false });
    await expect(logIn()).resolves.toMatchObject({ userId: 2 });
    expect(errors).not.toHaveBeenCalled();
  });

  it('saves a typed latency and a failure share, and applies them', async () => {
    const { user, toggle } = await openPanel();

    await user.clear(screen.getByLabelText('Delay (ms)'));
    await user.type(screen.getByLabelText('Delay (ms)'), '120');
    expect(stored()).toMatchObject({ latencyMode: 'fixed', latencyMs: 120 });
    const start = performance.now();
    await logIn();
    expect(performance.now() - start).toBeGreaterThanOrEqual(115);

    await user.clear(screen.getByLabelText('Delay (ms)'));
    await user.type(screen.getByLabelText('Delay (ms)'), '0');
    await user.selectOptions(screen.getByLabelText('Kind of failure'), '429 Too Many Requests');
    await user.clear(screen.getByLabelText('Retry-After (s)'));
    await user.type(screen.getByLabelText('Retry-After (s)'), '9');
    await user.clear(screen.getByLabelText('Requests that fail (%)'));
    await user.type(screen.getByLabelText('Requests that fail (%)'), '100');
    expect(stored()).toMatchObject({
      latencyMs: 0,
      failureKind: 'rate-limited',
      retryAfterSeconds: 9,
      failurePercent: 100,
    });
    expect(await failureOf(logIn())).toMatchObject({ status: 429, retryAfterSeconds: 9 });
    expect(toggle).toHaveTextContent('1 fault on');
  });

  it('refuses a share over 100 %, and keeps the last valid one', async () => {
    const { user } = await openPanel();
    const share = screen.getByLabelText('Requests that fail (%)');

    await user.clear(share);
    await user.type(share, '150');

    expect(share).toHaveAttribute('aria-invalid', 'true');
    expect(stored()).toMatchObject({ failurePercent: 15 });
    await user.tab();
    expect(share).toHaveValue(15);
    expect(share).not.toHaveAttribute('aria-invalid');
  });

  it('switches to a random latency between a minimum and a maximum', async () => {
    const { user } = await openPanel();

    await user.click(screen.getByRole('radio', { name: 'Random' }));
    await user.clear(screen.getByLabelText('Minimum (ms)'));
    await user.type(screen.getByLabelText('Minimum (ms)'), '10');
    await user.clear(screen.getByLabelText('Maximum (ms)'));
    await user.type(screen.getByLabelText('Maximum (ms)'), '20');

    expect(stored()).toMatchObject({ latencyMode: 'random', latencyMinMs: 10, latencyMaxMs: 20 });
    expect(screen.queryByLabelText('Delay (ms)')).not.toBeInTheDocument();
  });

  it('shows the settings stored before a reload', async () => {
    window.localStorage.setItem(
      MOCK_CONFIG_STORAGE_KEY,
      '{"tokenLifetimeSeconds": 2, "issueRefreshTokens": true}',
    );
    await openPanel();

    expect(screen.getByLabelText('Access token lifetime (s)')).toHaveValue(2);
    expect(
      screen.getByRole('checkbox', { name: 'Issue refresh tokens (POST /refresh)' }),
    ).toBeChecked();
  });

  it('sets the token lifetime and refresh tokens for the next login', async () => {
    const { user } = await openPanel();

    await user.clear(screen.getByLabelText('Access token lifetime (s)'));
    await user.type(screen.getByLabelText('Access token lifetime (s)'), '30');
    await user.click(
      screen.getByRole('checkbox', { name: 'Issue refresh tokens (POST /refresh)' }),
    );

    expect(stored()).toMatchObject({ tokenLifetimeSeconds: 30, issueRefreshTokens: true });
    const token = await logInAs('ada');
    const bytes = decodeBase64Url(token.split('.')[1] ?? '') ?? new Uint8Array();
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(30);
  });

  it('expires the current token: the server answers 401 "Token has expired", even after a reload', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Expire the current token' }));
    expect(screen.getByRole('status')).toHaveTextContent('No one is logged in');

    await logInAs('alesanchezr');
    await user.click(screen.getByRole('button', { name: 'Expire the current token' }));

    expect(screen.getByRole('status')).toHaveTextContent('401 “Token has expired”');
    expect(window.localStorage.getItem(MOCK_TOKENS_STORAGE_KEY)).toContain('expired');
    // A fresh mock state stands in for the page after a reload.
    const reloaded = createMockServerState(createStoredMockConfigStore());
    keepServerStateInStorage(reloaded);
    mockServer.use(...createHandlers(reloaded));
    expect(await failureOf(fetchCurrentUser())).toMatchObject({
      status: 401,
      serverMessage: 'Token has expired',
    });
    expect(getSessionEndReason()).toBe('expired');
  });

  it('revokes the current token: 401 "Token has been revoked"', async () => {
    const { user } = await openPanel();
    await logInAs('alesanchezr');

    await user.click(screen.getByRole('button', { name: 'Revoke the current token' }));

    expect(screen.getByRole('status')).toHaveTextContent('401 “Token has been revoked”');
    expect(await failureOf(fetchCurrentUser())).toMatchObject({
      status: 401,
      serverMessage: 'Token has been revoked',
    });
  });

  it('resets users, tokens and settings, in storage and on screen', async () => {
    const { user, toggle } = await openPanel();
    await logInAs('alesanchezr');
    await user.click(screen.getByRole('checkbox', { name: 'Fail the next request' }));
    await user.clear(screen.getByLabelText('Delay (ms)'));
    await user.type(screen.getByLabelText('Delay (ms)'), '5');
    await user.click(screen.getByRole('button', { name: 'Revoke the current token' }));
    expect(toggle).toHaveTextContent('2 faults on');

    await user.click(screen.getByRole('button', { name: 'Reset users and settings' }));

    expect(window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(MOCK_TOKENS_STORAGE_KEY)).toBeNull();
    expect(screen.getByLabelText('Delay (ms)')).toHaveValue(0);
    expect(screen.getByRole('checkbox', { name: 'Fail the next request' })).not.toBeChecked();
    expect(within(toggle).queryByText(/fault/)).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('back to their defaults');
    await expect(fetchCurrentUser()).resolves.toMatchObject({ id: 1, identifier: 'alesanchezr' });
  });

  it('shows the reset e-mails in its Mailbox, with their links, until the reset', async () => {
    const { user } = await openPanel();
    const mailbox = screen.getByRole('group', { name: 'Mailbox' });
    expect(mailbox).toHaveTextContent('No messages yet.');

    await requestPasswordReset('ada');
    await requestPasswordReset('nobody-here');

    const messages = await within(mailbox).findAllByRole('listitem');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toHaveTextContent('Reset your password');
    expect(messages[0]).toHaveTextContent('To ada@example.com');
    const link = within(mailbox).getByRole('link', { name: 'Open the reset link' });
    expect(link.getAttribute('href')).toMatch(
      new RegExp(`^${window.location.origin}/reset-password#token=[\\w-]{20,}$`),
    );

    await user.click(screen.getByRole('button', { name: 'Reset users and settings' }));
    expect(mailbox).toHaveTextContent('No messages yet.');
  });

  it('shows a message another tab’s mock sent', async () => {
    await openPanel();
    const otherTab = createMockServerState(createStoredMockConfigStore());
    keepServerStateInStorage(otherTab);
    mockServer.use(...createHandlers(otherTab));

    await requestPasswordReset('ada');
    window.dispatchEvent(new StorageEvent('storage', { key: MOCK_ACCOUNTS_STORAGE_KEY }));

    const mailbox = screen.getByRole('group', { name: 'Mailbox' });
    expect(await within(mailbox).findByRole('link', { name: 'Open the reset link' })).toBeVisible();
  });
});

/** A token's lifetime as its claims say, `exp - iat`. */
function lifetimeOf(token: string): number {
  const bytes = decodeBase64Url(token.split('.')[1] ?? '') ?? new Uint8Array();
  const claims = JSON.parse(new TextDecoder().decode(bytes)) as { iat: number; exp: number };
  return claims.exp - claims.iat;
}

describe('the Mock API panel’s token settings, by the build’s backend profile', () => {
  it('flask-jwt-extended: refresh tokens on request, then their lifetime; no rotation', async () => {
    const { user } = await openPanel();

    expect(screen.queryByLabelText('Refresh token lifetime (s)')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'Rotate refresh tokens' }),
    ).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('checkbox', { name: 'Issue refresh tokens (POST /refresh)' }),
    );
    await user.clear(screen.getByLabelText('Refresh token lifetime (s)'));
    await user.type(screen.getByLabelText('Refresh token lifetime (s)'), '600');

    expect(stored()).toMatchObject({ issueRefreshTokens: true, refreshTokenLifetimeSeconds: 600 });
    const { refreshToken } = await logIn();
    expect(lifetimeOf(refreshToken ?? '')).toBe(600);
  });

  it('fastapi: the access token lifetime only, and an expiry the app calls no longer valid', async () => {
    useApiProfile('fastapi');
    const { user } = await openPanel();

    expect(screen.getByLabelText('Access token lifetime (s)')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /refresh tokens/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Refresh token lifetime (s)')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Revoke the current token' }),
    ).not.toBeInTheDocument();

    await logInAs('johndoe');
    await user.click(screen.getByRole('button', { name: 'Expire the current token' }));

    expect(screen.getByRole('status')).toHaveTextContent('401 “Could not validate credentials”');
    expect(await failureOf(fetchCurrentUser())).toMatchObject({ status: 401 });
    expect(getSessionEndReason()).toBe('invalid');
  });

  it('simplejwt: rotation and the refresh token lifetime, no switch for refresh tokens', async () => {
    useApiProfile('simplejwt');
    const { user } = await openPanel();

    expect(
      screen.queryByRole('checkbox', { name: 'Issue refresh tokens (POST /refresh)' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Revoke the current token' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Rotate refresh tokens' }));
    await user.clear(screen.getByLabelText('Refresh token lifetime (s)'));
    await user.type(screen.getByLabelText('Refresh token lifetime (s)'), '3600');

    expect(stored()).toMatchObject({
      rotateRefreshTokens: true,
      refreshTokenLifetimeSeconds: 3600,
    });
    const { refreshToken } = await logIn();
    expect(lifetimeOf(refreshToken ?? '')).toBe(3600);
    const renewal = simplejwt.refresh;
    if (refreshToken === null) throw new Error('SimpleJWT issues refresh tokens');
    const renewed = await sendRequest(resolveApiUrl(renewal.path), null, {
      method: 'POST',
      body: renewal.request(refreshToken).body,
      parse: (data) => renewal.parse(data),
    });
    expect(renewed.refresh).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(renewed.refresh).not.toBe(refreshToken);
  });
});

/** A JSON request to the mock as ada's app would make it, with her token. */
async function postAs(
  token: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Two-step verification on for the user of `token`, and a passkey named `passkey`. */
async function setUpFactors(token: string, passkey: string) {
  const { secret } = await postAs(token, '/2fa/setup');
  await postAs(token, '/2fa/enable', { code: await totpCode(String(secret)) });
  const { publicKey } = await postAs(token, '/webauthn/register/begin');
  const credential = await createSoftwareAuthenticator().register(
    publicKey as PublicKeyCredentialCreationOptionsJSON,
    window.location.origin,
  );
  await postAs(token, '/webauthn/register/complete', { credential, name: passkey });
}

describe('the Mock API panel’s two-step verification and passkeys', () => {
  const userItem = (name: string) =>
    within(screen.getByRole('list', { name: 'Users' }))
      .getAllByRole('listitem')
      .find((item) => within(item).queryByText(name, { selector: 'span' }) !== null);

  it('lists each user’s factors, following the server as they change', async () => {
    const { errors } = await openPanel();
    const group = screen.getByRole('group', { name: 'Two-step verification and passkeys' });
    expect(within(group).getAllByRole('listitem')).toHaveLength(4);
    expect(userItem('ada')).toHaveTextContent('Two-step verification: off');
    expect(userItem('ada')).toHaveTextContent('Passkeys: none');
    expect(within(group).queryByRole('button')).not.toBeInTheDocument();

    await setUpFactors(await logInAs('ada'), 'Work laptop');

    await waitFor(() => {
      expect(userItem('ada')).toHaveTextContent(
        'Two-step verification: on, 10 recovery codes left',
      );
    });
    expect(userItem('ada')).toHaveTextContent('Passkeys: Work laptop');
    expect(userItem('alesanchezr')).toHaveTextContent('Two-step verification: off');
    expect(errors).not.toHaveBeenCalled();
  });

  it('resets one user’s factors: a password alone logs in again, even after a reload', async () => {
    const { user } = await openPanel();
    await setUpFactors(await logInAs('ada'), 'Work laptop');
    const firstStep = await fetch(new URL(apiPath('/token'), window.location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ada', password: 'lovelace1815' }),
    });
    expect(await firstStep.json()).toMatchObject({ mfa_required: true });

    await user.click(await screen.findByRole('button', { name: 'Reset factors of ada' }));

    expect(userItem('ada')).toHaveTextContent('Two-step verification: off');
    expect(userItem('ada')).toHaveTextContent('Passkeys: none');
    expect(screen.getByRole('status')).toHaveTextContent(
      'ada logs in with a password alone: two-step verification off, no passkeys.',
    );
    expect(window.localStorage.getItem(MOCK_FACTORS_STORAGE_KEY)).toBeNull();
    const reloaded = createMockServerState(createStoredMockConfigStore());
    keepServerStateInStorage(reloaded);
    mockServer.use(...createHandlers(reloaded));
    await expect(logIn()).resolves.toMatchObject({ userId: 2 });
  });

  it('shows factors another tab’s mock set up', async () => {
    await openPanel();
    const otherTab = createMockServerState(createStoredMockConfigStore());
    keepServerStateInStorage(otherTab);
    mockServer.use(...createHandlers(otherTab));

    await setUpFactors(await logInAs('alesanchezr'), 'Phone');
    window.dispatchEvent(new StorageEvent('storage', { key: MOCK_FACTORS_STORAGE_KEY }));

    await waitFor(() => {
      expect(userItem('alesanchezr')).toHaveTextContent('Passkeys: Phone');
    });
  });

  it('is not there for a backend without factors', async () => {
    useApiProfile('fastapi');
    await openPanel();
    expect(
      screen.queryByRole('group', { name: 'Two-step verification and passkeys' }),
    ).not.toBeInTheDocument();
  });
});
