import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { renderApp } from '../test/render-app';
import { ApiError } from './api-error';
import { sendRequest } from './http';

const API = 'https://api.example.com';
const POLICY = "default-src 'self'; connect-src 'self'";

/** What Chromium dispatches on the document when connect-src refuses a request. */
function reportViolation(blockedURI: string, effectiveDirective = 'connect-src') {
  const event = new Event('securitypolicyviolation');
  Object.assign(event, { blockedURI, effectiveDirective, originalPolicy: POLICY });
  document.dispatchEvent(event);
}

/** fetch's answer to a blocked request: a TypeError, indistinguishable from a lost connection. */
function blocked(url: string, when: 'before' | 'after') {
  return () => {
    if (when === 'before') reportViolation(url);
    else
      setTimeout(() => {
        reportViolation(url);
      }, 0);
    return HttpResponse.error();
  };
}

const sendToken = () =>
  sendRequest(new URL(`${API}/token`), null, {
    method: 'POST',
    body: { json: {} },
    parse: () => null,
  });

describe('a request the page’s security policy blocks', () => {
  it.each(['before', 'after'] as const)(
    'is a blocked-by-policy ApiError naming the origin, whether the event comes %s fetch fails',
    async (when) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      mockServer.use(http.post(`${API}/token`, blocked(`${API}/token`, when), { once: true }));

      const error = await sendToken().catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ kind: 'blocked-by-policy', blockedOrigin: API });
    },
  );

  it('is still a network error when the policy blocked something else, or nothing', async () => {
    mockServer.use(
      http.post(
        `${API}/token`,
        () => {
          reportViolation('https://fonts.example.com/font.woff2');
          reportViolation(`${API}/token`, 'img-src');
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await expect(sendToken()).rejects.toMatchObject({ kind: 'network' });
  });

  it('tells the person on the login form, and the developer once in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const origin = window.location.origin;
    mockServer.use(http.post(apiPath('/token'), blocked(`${origin}/token`, 'before')));
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `This page’s security policy blocks the API at ${origin}: the server’s headers do not match this build`,
    );
    expect(screen.getByLabelText('Password')).toHaveValue('12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('security policy blocks the API');

    // The explanation is its own chunk, fetched when the first block happens.
    await vi.waitFor(() => {
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings.filter((message) => message.includes(`blocks the API at ${origin}`))).toEqual(
        [expect.stringContaining(`The server sent Content-Security-Policy "${POLICY}"`)],
      );
    });
  });
});
