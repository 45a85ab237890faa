/**
 * The default build (VITE_API_PROFILE=flask-jwt-extended): the rest of the suite covers it; this
 * checks the login answer flask-jwt-extended's own docs write, `access_token` and no `user_id`.
 */
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../auth/token-storage';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { logInWithForm } from '../test/profile-tests';
import { recordRequests } from '../test/requests';

describe('the flask-jwt-extended profile', () => {
  it('logs in with an `access_token` answer and no user_id, and greets from /protected', async () => {
    const token = await createAccessToken({
      identity: '1',
      lifetimeSeconds: 900,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    mockServer.use(
      http.post(apiPath('/token'), () => HttpResponse.json({ access_token: token }), {
        once: true,
      }),
    );
    const requests = recordRequests();

    await logInWithForm('alesanchezr', '12341234');

    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
    ).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(token);
    expect(requests).toEqual(['POST /token', 'GET /protected']);
  });
});
