import { screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { refreshToken } from '../auth/token-storage';
import { apiPath } from '../mock-api/handlers';
import { configureMockApi, mockServer, mockServerState } from '../mock-api/node';
import { configureAppEnv } from '../test/app-env';
import { currentUrl, renderApp } from '../test/render-app';
import { recordRequests } from '../test/requests';
import { ApiError } from './api-error';
import { sendRequest, resolveApiUrl } from './http';

/** GET /protected with `token`, straight to the mock server: what it thinks of that token now. */
async function serverVerdict(token: string) {
  try {
    await sendRequest(resolveApiUrl('/protected'), token, { parse: () => 'accepted' });
    return 'accepted';
  } catch (error) {
    return error instanceof ApiError
      ? `${String(error.status)} ${error.serverMessage ?? ''}`
      : error;
  }
}

async function logInAndLogOut({ route = '/profile' } = {}) {
  const { user } = await renderApp({ route, as: 'alesanchezr' });
  // The profile's GET /protected has answered: what follows is the logout's alone.
  await screen.findByText('alesanchezr', { selector: 'dd' });
  const token = window.localStorage.getItem('jwt-token') ?? '';
  const requests = recordRequests();
  await user.click(screen.getByRole('button', { name: 'Log out' }));
  return { token, requests };
}

describe('Log out', () => {
  it('by default ends the session here only: no request to the server', async () => {
    const { token, requests } = await logInAndLogOut();

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(requests).toEqual([]);
    expect(await serverVerdict(token)).toBe('accepted');
  });

  describe('with VITE_API_LOGOUT=true', () => {
    it('also sends POST /logout with the token, which the server then refuses', async () => {
      configureAppEnv({ apiLogout: true });
      const { token, requests } = await logInAndLogOut();

      expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
      expect(currentUrl()).toBe('/login');
      await vi.waitFor(() => {
        expect(mockServerState.revokedJtis.size).toBe(1);
      });
      expect(requests).toEqual(['POST /logout']);
      expect(await serverVerdict(token)).toBe('401 Token has been revoked');
    });

    it('revokes the refresh token too, when the backend issued one', async () => {
      configureAppEnv({ apiLogout: true });
      configureMockApi({ issueRefreshTokens: true });
      const { user } = await renderApp({ route: '/login' });
      await user.type(screen.getByLabelText('Username'), 'alesanchezr');
      await user.type(screen.getByLabelText('Password'), '12341234');
      await user.click(screen.getByRole('button', { name: 'Log in' }));
      await screen.findByRole('button', { name: 'Log out' });
      const refresh = refreshToken.get() ?? '';
      const requests = recordRequests();

      await user.click(screen.getByRole('button', { name: 'Log out' }));

      await vi.waitFor(() => {
        expect(mockServerState.revokedJtis.size).toBe(2);
      });
      // The home page's GET /protected may still be on its way: only the logouts count here.
      expect(requests.filter((request) => request.startsWith('POST'))).toEqual([
        'POST /logout',
        'POST /logout',
      ]);
      await expect(
        sendRequest(resolveApiUrl('/refresh'), refresh, { method: 'POST', parse: () => null }),
      ).rejects.toMatchObject({ status: 401, serverMessage: 'Token has been revoked' });
    });

    it('ends the session at once, before the server has answered', async () => {
      configureAppEnv({ apiLogout: true });
      mockServer.use(
        http.post(apiPath('/logout'), async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
      );
      await logInAndLogOut();

      expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
      expect(window.localStorage.getItem('jwt-token')).toBeNull();
      expect(screen.getByText('You have logged out.')).toHaveAttribute('role', 'status');
    });

    it.each([
      ['an HTML 500', () => new HttpResponse('<h1>Error</h1>', { status: 500 })],
      ['no network', () => HttpResponse.error()],
      ['a 404 (no such route)', () => new HttpResponse('Not Found', { status: 404 })],
      ['a 401', () => HttpResponse.json({ msg: 'Token has expired' }, { status: 401 })],
    ])(
      'leaves the person logged out, quietly, when the server answers %s',
      async (_case, answer) => {
        configureAppEnv({ apiLogout: true });
        const errors = vi.spyOn(console, 'error');
        mockServer.use(http.post(apiPath('/logout'), answer));
        const { requests } = await logInAndLogOut();

        expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
        await vi.waitFor(() => {
          expect(requests).toEqual(['POST /logout']);
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(window.localStorage.getItem('jwt-token')).toBeNull();
        expect(currentUrl()).toBe('/login');
        expect(errors).not.toHaveBeenCalled();
      },
    );
  });
});
