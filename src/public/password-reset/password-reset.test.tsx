import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPath } from '../../mock-api/handlers';
import { mockServer, mockServerState } from '../../mock-api/node';
import { configureAppEnv } from '../../test/app-env';
import { currentUrl, renderApp } from '../../test/render-app';
import { recordJsonBodies } from '../../test/requests';
import { takeResetTokenFromAddressBar } from './reset-link-token';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** The link of the latest message the mock sent, as the person's inbox would show it. */
function latestResetLink(): string {
  const [mail] = mockServerState.accounts.mailbox;
  if (mail === undefined) throw new Error('The mock sent no e-mail');
  return mail.link;
}

/** Opens the link the way a click in a mail client does: a new page load at its URL. */
async function openLink(link: string) {
  const url = new URL(link);
  return renderApp({ route: url.pathname + url.search + url.hash });
}

async function askForLink(user: User, identifier = 'ada') {
  await user.type(await screen.findByLabelText('Username'), identifier);
  await user.click(screen.getByRole('button', { name: 'Send reset link' }));
}

/** Types the new password and its confirmation over whatever the fields held, and sends them. */
async function chooseNewPassword(user: User, password: string, confirmation = password) {
  const newPassword = await screen.findByLabelText('New password');
  const confirm = screen.getByLabelText('Confirm new password');
  await user.clear(newPassword);
  await user.type(newPassword, password);
  await user.clear(confirm);
  await user.type(confirm, confirmation);
  await user.click(screen.getByRole('button', { name: 'Set new password' }));
}

async function logIn(user: User, username: string, password: string) {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('forgot password', () => {
  it('is reached from the login page', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));

    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeVisible();
    expect(currentUrl()).toBe('/forgot-password');
  });

  it('says the same for an account that exists and one that does not', async () => {
    const { user } = await renderApp({ route: '/forgot-password' });
    const bodies = recordJsonBodies('/password-reset');

    await askForLink(user, 'nobody-here');
    const sent = 'If an account matches, we sent a link to reset the password.';
    expect(await screen.findByText(sent)).toHaveAttribute('role', 'status');
    expect(mockServerState.accounts.mailbox).toHaveLength(0);

    await user.clear(screen.getByLabelText('Username'));
    await askForLink(user, 'ada');
    await waitFor(() => {
      expect(mockServerState.accounts.mailbox).toHaveLength(1);
    });
    expect(screen.getByText(sent)).toBeVisible();
    expect(bodies).toEqual([{ username: 'nobody-here' }, { username: 'ada' }]);
  });

  it('asks for the username before sending anything', async () => {
    const { user } = await renderApp({ route: '/forgot-password' });
    const bodies = recordJsonBodies('/password-reset');

    await user.click(await screen.findByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByText('Enter your username.')).toBeVisible();
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(bodies).toEqual([]);
  });

  it('asks for the email when people log in with it', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const { user } = await renderApp({ route: '/forgot-password' });
    const bodies = recordJsonBodies('/password-reset');

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    await waitFor(() => {
      expect(mockServerState.accounts.mailbox).toHaveLength(1);
    });
    expect(bodies).toEqual([{ email: 'ada@example.com' }]);
  });

  it('says when too many links were asked for, and when to try again', async () => {
    const { user } = await renderApp({ route: '/forgot-password' });

    for (let attempt = 0; attempt < 5; attempt += 1) {
      await askForLink(user, 'ada');
      await waitFor(() => {
        expect(mockServerState.accounts.mailbox).toHaveLength(attempt + 1);
      });
      await user.clear(screen.getByLabelText('Username'));
    }
    await askForLink(user, 'ada');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many reset links were asked for this account. Please try again in 60 minutes.',
    );
    expect(mockServerState.accounts.mailbox).toHaveLength(5);
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
  });

  it('tells a backend without password resets apart from one that cannot be reached', async () => {
    mockServer.use(
      http.post(apiPath('/password-reset'), () =>
        HttpResponse.json({ msg: 'Not Found' }, { status: 404 }),
      ),
    );
    const { user } = await renderApp({ route: '/forgot-password' });

    await askForLink(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Password resets are not available on this server.',
    );

    mockServer.use(http.post(apiPath('/password-reset'), () => HttpResponse.error()));
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(/Can’t reach the password reset service/);
    });
  });

  it('is not there when the build turns password resets off', async () => {
    configureAppEnv({ passwordReset: false });
    await renderApp({ route: '/login' });

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Forgot your password?' })).toBeNull();
  });
});

describe('reset password (the e-mail’s link)', () => {
  async function receiveLink() {
    const { user, unmount } = await renderApp({ route: '/forgot-password' });
    await askForLink(user, 'ada');
    await waitFor(() => {
      expect(mockServerState.accounts.mailbox).toHaveLength(1);
    });
    unmount();
    return latestResetLink();
  }

  /** A link asked for elsewhere (another tab) while the page stays open. */
  async function receiveLinkInThisTab() {
    await fetch(new URL(apiPath('/password-reset'), window.location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ada' }),
    });
    return latestResetLink();
  }

  it('takes the token out of the address bar at once', async () => {
    const link = await receiveLink();
    expect(link).toMatch(/\/reset-password#token=[\w-]{20,}$/);

    await openLink(link);

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await waitFor(() => {
      expect(currentUrl()).toBe('/reset-password');
    });
  });

  it('takes the token out of the address bar at start-up, before the page’s code loads', async () => {
    const link = new URL(await receiveLink());
    window.history.replaceState(null, '', link.pathname + link.hash);

    takeResetTokenFromAddressBar();
    expect(currentUrl()).toBe('/reset-password');

    const { user } = await renderApp({ route: '/reset-password' });
    await chooseNewPassword(user, 'analytical-engine-1843');
    expect(
      await screen.findByText('Password changed. Log in with your new password.'),
    ).toBeVisible();
  });

  it('takes a second link opened in the same tab, and forgets what was said of the first', async () => {
    const { user } = await openLink('http://localhost/reset-password#token=no-server-issued-this');
    await chooseNewPassword(user, 'analytical-engine-1843');
    expect(await screen.findByRole('alert')).toHaveTextContent(/invalid or has expired/);

    const link = new URL(await receiveLinkInThisTab());
    act(() => {
      window.history.pushState(null, '', link.pathname + link.hash);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => {
      expect(screen.queryByRole('alert')).toBeNull();
    });
    await chooseNewPassword(user, 'analytical-engine-1843');

    expect(
      await screen.findByText('Password changed. Log in with your new password.'),
    ).toBeVisible();
  });

  it('sets the new password: the old one is refused, the new one logs in', async () => {
    const { user } = await openLink(await receiveLink());

    await chooseNewPassword(user, 'analytical-engine-1843');

    expect(
      await screen.findByText('Password changed. Log in with your new password.'),
    ).toBeVisible();
    expect(currentUrl()).toBe('/login');

    await logIn(user, 'ada', 'lovelace1815');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Wrong username or password/);

    await user.clear(screen.getByLabelText('Username'));
    await user.clear(screen.getByLabelText('Password'));
    await logIn(user, 'ada', 'analytical-engine-1843');
    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeVisible();
  }, 15_000);

  it('shows the server’s reason for a weak password and keeps the link usable', async () => {
    const { user } = await openLink(await receiveLink());

    await chooseNewPassword(user, 'password');

    expect(await screen.findByText('This password is too common.')).toBeVisible();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');

    await chooseNewPassword(user, 'analytical-engine-1843');
    expect(
      await screen.findByText('Password changed. Log in with your new password.'),
    ).toBeVisible();
  });

  it('checks that both passwords match before sending', async () => {
    const { user } = await openLink(await receiveLink());
    const bodies = recordJsonBodies('/password-reset/confirm');

    await chooseNewPassword(user, 'analytical-engine-1843', 'analytical-engine-1844');

    expect(
      await screen.findByText('The two passwords do not match. Type the same password twice.'),
    ).toBeVisible();
    expect(bodies).toEqual([]);
  });

  it('says a used link is spent, and offers a new one', async () => {
    const link = await receiveLink();
    const first = await openLink(link);
    await chooseNewPassword(first.user, 'analytical-engine-1843');
    await screen.findByText('Password changed. Log in with your new password.');
    first.unmount();

    const { user } = await openLink(link);
    await chooseNewPassword(user, 'difference-engine-1822');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid or has expired.',
    );
    expect(screen.queryByLabelText('New password')).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Request a new link' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeVisible();
  });

  it('says an expired link has expired', async () => {
    const link = await receiveLink();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60 * 1000);
    const { user } = await openLink(link);

    await chooseNewPassword(user, 'analytical-engine-1843');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid or has expired.',
    );
  });

  it('says a link without a token cannot work', async () => {
    await renderApp({ route: '/reset-password' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid or has expired.',
    );
    expect(screen.getByRole('link', { name: 'Request a new link' })).toBeVisible();
  });
});
