import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { getToken } from '../../auth/token-storage';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { currentUrl, logInAs, renderApp } from '../../test/render-app';
import { recordJsonBodies, recordRequests } from '../../test/requests';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** What the mock answers a request with `token`, as another browser holding it would see. */
async function answerTo(token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(apiPath('/protected'), {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function changePassword(user: User, current: string, next: string, again = next) {
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Confirm new password'), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('the account page', () => {
  it('is linked from the navigation', async () => {
    const { user } = await renderApp({ route: '/', as: 'ada' });

    await user.click(await screen.findByRole('link', { name: 'Account' }));

    expect(await screen.findByRole('heading', { name: 'Change password' })).toBeVisible();
    expect(currentUrl()).toBe('/account');
  });

  it('has no two-step verification or passkeys in a build without them', async () => {
    const requests = recordRequests();
    await renderApp({ route: '/account', as: 'ada' });

    expect(await screen.findByRole('heading', { name: 'Change password' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Two-step verification' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Passkeys' })).toBeNull();
    expect(requests.filter((request) => /\/2fa|\/webauthn/.test(request))).toEqual([]);
  });

  it('changes the password: this tab stays logged in, a token from before is revoked', async () => {
    const otherBrowser = await logInAs('ada');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const before = getToken();

    await changePassword(user, 'lovelace1815', 'analytical-engine-1843');
    expect(screen.getByRole('meter', { name: 'Password strength' })).toBeVisible();

    expect(await screen.findByText('Password changed.')).toHaveAttribute('role', 'status');
    expect(getToken()).not.toBe(before);
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
    expect(screen.queryByRole('meter', { name: 'Password strength' })).toBeNull();

    expect(await answerTo(otherBrowser)).toEqual({
      status: 401,
      body: { msg: 'Token has been revoked' },
    });
    expect((await answerTo(getToken() ?? '')).status).toBe(200);

    await user.click(screen.getByRole('link', { name: 'Profile' }));
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeVisible();
  });

  it('says so when the current password is wrong, and keeps the new one typed', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    await changePassword(user, 'not-my-password', 'analytical-engine-1843');

    expect(await screen.findByText('The current password is wrong.')).toBeVisible();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('New password')).toHaveValue('analytical-engine-1843');
  });

  it('shows the server’s reason for a weak new password', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    await changePassword(user, 'lovelace1815', '8462917355');

    expect(await screen.findByText('This password is entirely numeric.')).toBeVisible();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the form before sending', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const bodies = recordJsonBodies('/password');

    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Enter your current password.')).toBeVisible();

    await changePassword(user, 'lovelace1815', 'analytical-engine-1843', 'analytical-engine');
    expect(
      await screen.findByText('The two passwords do not match. Type the same password twice.'),
    ).toBeVisible();
    expect(bodies).toEqual([]);
  });

  it('says when the server has no password changes', async () => {
    mockServer.use(
      http.post(apiPath('/password'), () =>
        HttpResponse.json({ msg: 'Not Found' }, { status: 404 }),
      ),
    );
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    await changePassword(user, 'lovelace1815', 'analytical-engine-1843');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Password changes are not available on this server.',
    );
  });

  it('logs out everywhere: every token ends, this tab goes to the login page', async () => {
    const otherBrowser = await logInAs('ada');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const mine = getToken() ?? '';

    await user.click(await screen.findByRole('button', { name: 'Log out everywhere' }));

    expect(await screen.findByText('You were logged out on every device.')).toBeVisible();
    await waitFor(() => {
      expect(currentUrl()).toBe('/login');
    });
    expect(getToken()).toBeNull();
    expect((await answerTo(otherBrowser)).status).toBe(401);
    expect((await answerTo(mine)).status).toBe(401);
  });
});
