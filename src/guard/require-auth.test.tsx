import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentUrl, renderApp } from '../test/render-app';

async function logInThroughTheForm(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.type(await screen.findByLabelText('Username'), 'alesanchezr');
  await user.type(screen.getByLabelText('Password'), '12341234');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('the route guard', () => {
  it('sends a logged-out visitor to /login and back to exactly the URL they asked for', async () => {
    const { user } = await renderApp({ route: '/profile?tab=details#top' });

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');

    await logInThroughTheForm(user);

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/profile?tab=details#top');
  });

  it('replaces the history entry, so Back after login does not return to the login form', async () => {
    const before = window.history.length;
    const { user } = await renderApp({ route: '/profile' });
    await logInThroughTheForm(user);
    await screen.findByRole('heading', { name: 'Profile' });

    // One entry for the visit to /profile; the /login step and the way back replaced it.
    expect(window.history.length).toBe(before + 1);
  });

  it.each(['//evil.example', 'https://evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'ignores the redirect target %s and goes home after login',
    async (target) => {
      const { user } = await renderApp({ route: `/login?next=${encodeURIComponent(target)}` });
      await logInThroughTheForm(user);

      expect(
        await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
      ).toBeInTheDocument();
      expect(currentUrl()).toBe('/');
    },
  );

  it('honours a safe ?next= target', async () => {
    const { user } = await renderApp({ route: '/login?next=%2Fprofile%3Fa%3D1%23h' });
    await logInThroughTheForm(user);

    await screen.findByRole('heading', { name: 'Profile' });
    expect(currentUrl()).toBe('/profile?a=1#h');
  });

  it('sends a logged-in visitor of /login to the home page', async () => {
    await renderApp({ route: '/login', as: 'alesanchezr' });

    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
    ).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
  });

  it('renders the private layout straight away for a stored session, never the login form', async () => {
    await renderApp({ route: '/profile', as: 'alesanchezr' });

    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });

  it('shows a 404 page for an unknown URL, logged in or not', async () => {
    await renderApp({ route: '/no/such/page' });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    await waitFor(() => {
      expect(currentUrl()).toBe('/no/such/page');
    });
  });
});
