import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { addPasskey, removePasskey, turnOnTwoStep } from '../../test/account-factors';
import { installWebAuthn } from '../../test/browser-webauthn';
import { currentUrl, renderApp } from '../../test/render-app';
import { recordRequests } from '../../test/requests';
import { createSoftwareAuthenticator } from '../../test/software-authenticator';

const passkeyButton = () => screen.findByRole('button', { name: 'Sign in with a passkey' });

describe('Sign in with a passkey', () => {
  it('logs in with a passkey of the account, with no password and no second step', async () => {
    const authenticator = createSoftwareAuthenticator();
    await addPasskey('ada', authenticator);
    await turnOnTwoStep('ada');
    installWebAuthn(authenticator);
    const { user } = await renderApp({ route: '/login' });

    await user.click(await passkeyButton());

    expect(await screen.findByRole('heading', { name: /^Welcome/ })).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
    expect(window.localStorage.getItem('jwt-token')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('asks for the code when the authenticator did not verify the person and two-step is on', async () => {
    const authenticator = createSoftwareAuthenticator({ userVerified: false });
    await addPasskey('ada', authenticator);
    const { recoveryCodes } = await turnOnTwoStep('ada');
    installWebAuthn(authenticator);
    const { user } = await renderApp({ route: '/login' });

    await user.click(await passkeyButton());
    await screen.findByRole('heading', { name: 'Two-step verification' });
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    // The code that turned two-step verification on is spent; the next one is 30 s away.
    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), recoveryCodes[0] ?? '');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: /^Welcome/ })).toBeInTheDocument();
  });

  it('returns quietly to the form when the person cancels the browser’s dialog', async () => {
    const webauthn = installWebAuthn(createSoftwareAuthenticator());
    webauthn.next = 'cancel';
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.click(await passkeyButton());

    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Sign in with a passkey' })).toBeEnabled();
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
    expect(currentUrl()).toBe('/login');
  });

  it('says so when the passkey is not one of this site’s accounts', async () => {
    const authenticator = createSoftwareAuthenticator();
    await removePasskey('ada', await addPasskey('ada', authenticator));
    installWebAuthn(authenticator);
    const { user } = await renderApp({ route: '/login' });
    const requests = recordRequests();

    await user.click(await passkeyButton());

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This passkey is not registered here.',
    );
    expect(requests).toContain(
      `POST ${new URL(apiPath('/webauthn/login/complete'), window.location.origin).pathname}`,
    );
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
  });

  it('says the server cannot be reached when the sign-in cannot start', async () => {
    mockServer.use(
      http.post(apiPath('/webauthn/login/begin'), () => HttpResponse.error(), { once: true }),
    );
    installWebAuthn(createSoftwareAuthenticator());
    const { user } = await renderApp({ route: '/login' });

    await user.click(await passkeyButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
  });

  it('offers passkeys in the username field’s suggestions where the browser can', async () => {
    const webauthn = installWebAuthn(createSoftwareAuthenticator(), { autofill: true });
    await renderApp({ route: '/login' });

    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username webauthn');
    await waitFor(() => {
      expect(webauthn.conditionalRequests).toBe(1);
    });
  });

  it('shows no passkey button where the browser has no WebAuthn', async () => {
    await renderApp({ route: '/login' });

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in with a passkey' })).toBeNull();
  });
});
