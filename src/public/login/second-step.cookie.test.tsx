/**
 * The login's second step in a build whose session lives in httpOnly cookies: /token/2fa sets the
 * cookies and answers no token, and the session starts from them.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode } from '../../backends/flask-jwt-extended/mock/totp';
import { TOKEN_STORAGE_KEY } from '../../auth/token-storage';
import { mockServerState } from '../../mock-api/node';
import { currentUrl, mockUser, renderApp } from '../../test/render-app';

describe('the second step, with the session in cookies', { timeout: 15_000 }, () => {
  it('logs in with the code and keeps no token where scripts can read it', async () => {
    // Set up as the account page would have: the server's record of ada's authenticator app.
    const secret = newTotpSecret();
    mockServerState.factors.twoStep.set(mockUser('ada').id, {
      secret,
      pendingSecret: null,
      lastStep: null,
      recoveryCodeHashes: [],
    });
    const { user } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'lovelace1815');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await user.type(await screen.findByLabelText('Authentication code'), await totpCode(secret));
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(document.cookie).toContain('csrf_access_token=');
  });
});
