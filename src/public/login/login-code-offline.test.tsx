import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentUrl, renderApp } from '../../test/render-app';

// The login's own chunk does not arrive: the connection dropped after the page had loaded.
vi.mock('./login-request', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('login page, when the login code cannot be downloaded', () => {
  it('says the server cannot be reached, keeps what was typed and stays on the page', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
    expect(screen.getByLabelText('Username')).toHaveValue('alesanchezr');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(currentUrl()).toBe('/login');
  });
});
