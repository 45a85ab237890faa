import { act, screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../auth/token-storage';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { apiPath } from '../mock-api/handlers';
import { configureMockApi, mockServer } from '../mock-api/node';
import { otherTabWrites } from '../test/other-tab';
import { currentUrl, logInAs, renderApp } from '../test/render-app';

const EXPIRED = 'Your session has expired. Please log in again.';

/** Counts the requests the app makes to GET /protected from now on. */
function countProfileRequests() {
  const seen: string[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === '/protected') seen.push(request.url);
  });
  return seen;
}

describe('logging out', () => {
  it('removes the token, goes to /login, and makes no more private requests', async () => {
    const { user } = await renderApp({ route: '/profile', as: 'alesanchezr' });
    expect(await screen.findByText('alesanchezr', { selector: 'dd' })).toBeInTheDocument();
    const requests = countProfileRequests();

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(screen.getByText('You have logged out.')).toHaveAttribute('role', 'status');
    expect(requests).toEqual([]);
  });

  it('drops the cached profile: the next user never sees the previous one', async () => {
    const { user } = await renderApp({ route: '/profile', as: 'alesanchezr' });
    expect(await screen.findByText('alesanchezr', { selector: 'dd' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log out' }));

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'lovelace1815');
    // The next /protected answer is slow, so a stale cache would have time to show.
    mockServer.use(
      http.get(apiPath('/protected'), async () => {
        await delay(50);
        return HttpResponse.json({ id: 2, username: 'ada' });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await screen.findByRole('heading', { name: 'Welcome, ada!' });
    expect(screen.queryByText('alesanchezr')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByText('alesanchezr')).not.toBeInTheDocument();
  });
});

describe('requests', () => {
  it('asks each endpoint once for a login, home, profile, logout round', async () => {
    const seen: string[] = [];
    mockServer.events.on('request:start', ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
    });
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' });
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    await screen.findByText('alesanchezr', { selector: 'dd' });
    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Log in' });

    expect(seen).toEqual(['POST /token', 'GET /protected']);
  });
});

describe('the session ends', () => {
  it.each([
    [401, 'Token has been revoked', 'Your session was ended by the server. Please log in again.'],
    [401, 'Token has expired', EXPIRED],
    [422, 'Signature verification failed', 'Your session is no longer valid. Please log in again.'],
  ])('when /protected answers %i %s', async (status, msg, message) => {
    mockServer.use(http.get(apiPath('/protected'), () => HttpResponse.json({ msg }, { status })));
    await renderApp({ route: '/profile', as: 'alesanchezr' });

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(window.location.pathname).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('when the stored token expired before the app started, without showing a private page', async () => {
    const token = await createAccessToken({
      identity: '1',
      lifetimeSeconds: 60,
      nowSeconds: Math.floor(Date.now() / 1000) - 3600,
    });
    window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    const requests = countProfileRequests();
    const { reloadTokenFromStorage } = await import('../auth/token-storage');
    reloadTokenFromStorage();

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(EXPIRED);
    expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(requests).toEqual([]);
  });

  it('when the token expires while the app is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    configureMockApi({ tokenLifetimeSeconds: 60 });
    await renderApp({ route: '/', as: 'alesanchezr' });
    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
    ).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(70_000);
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(EXPIRED);
    expect(window.location.pathname).toBe('/login');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    vi.useRealTimers();
  });

  it('without restoring anything when a /protected answer arrives after logout', async () => {
    let answer: (() => void) | undefined;
    mockServer.use(
      http.get(
        apiPath('/protected'),
        async () => {
          await new Promise<void>((resolve) => (answer = resolve));
          return HttpResponse.json({ msg: 'Token has expired' }, { status: 401 });
        },
        { once: true },
      ),
    );
    const { user } = await renderApp({ route: '/profile', as: 'alesanchezr' });
    await user.click(await screen.findByRole('button', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Log in' });
    const newToken = await logInAs('ada');

    answer?.();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(newToken);
    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
  });
});

describe('several tabs', () => {
  it('follows a logout in another tab without a reload', async () => {
    await renderApp({ route: '/profile', as: 'alesanchezr' });
    await screen.findByText('alesanchezr', { selector: 'dd' });

    act(() => {
      otherTabWrites(null);
    });

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByText('You logged out in another tab.')).toHaveAttribute('role', 'status');
  });

  it('follows a login in another tab', async () => {
    await renderApp({ route: '/login' });
    await screen.findByRole('button', { name: 'Log in' });
    const token = await createAccessToken({
      identity: '2',
      lifetimeSeconds: 900,
      nowSeconds: Math.floor(Date.now() / 1000),
    });

    act(() => {
      otherTabWrites(token);
    });

    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
  });
});

describe('a broken stored session', () => {
  it.each(['not-a-jwt', 'a.b.c', '"quoted"', 'Bearer x.y.z'])(
    'shows the login page for the stored value %s',
    async (value) => {
      window.localStorage.setItem(TOKEN_STORAGE_KEY, value);
      const { reloadTokenFromStorage } = await import('../auth/token-storage');
      reloadTokenFromStorage();

      await renderApp({ route: '/' });

      expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
      await waitFor(() => {
        expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
      });
    },
  );

  it('still lets people log in when localStorage throws', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const { user } = await renderApp({ route: '/profile' });

    await user.type(await screen.findByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('alesanchezr', { selector: 'dd' })).toBeInTheDocument();
  });
});
