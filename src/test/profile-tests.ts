/**
 * What the tests of each API profile share, for its mock and for its build: requests sent to the
 * mock API and the record of those it received, the login form, and the session-ended alerts.
 */
import { screen } from '@testing-library/react';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { renderApp } from './render-app';

export const EXPIRED = 'Your session has expired. Please log in again.';
export const INVALID = 'Your session is no longer valid. Please log in again.';
export const DISABLED = 'This account is disabled. Contact the site’s administrator.';

/** Sends a request to the mock API: its answer's status, type and body, parsed if it is JSON. */
export async function sendToMockApi(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(new URL(apiPath(path), window.location.origin), { method, ...init });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('Content-Type'),
    body: response.headers.get('Content-Type')?.includes('json')
      ? (JSON.parse(text) as unknown)
      : text,
  };
}

/**
 * What `read` takes from each request the mock API receives from now on as `route` (`METHOD
 * /path`, as recordRequests writes them), in the order `read` finishes: a body arrives later.
 */
export function recordReceived<T>(route: string, read: (request: Request) => T | Promise<T>): T[] {
  const received: T[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    if (`${request.method} ${new URL(request.url).pathname}` !== route) return;
    void Promise.resolve(read(request.clone())).then((entry) => received.push(entry));
  });
  return received;
}

/** Opens /login and logs in as people do: typing into the form, then clicking Log in. */
export async function logInWithForm(identifier: string, password: string, label = 'Username') {
  const rendered = await renderApp({ route: '/login' });
  await rendered.user.type(screen.getByLabelText(label), identifier);
  await rendered.user.type(screen.getByLabelText('Password'), password);
  await rendered.user.click(screen.getByRole('button', { name: 'Log in' }));
  return rendered;
}
