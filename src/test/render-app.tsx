/** Test helpers that speak the domain: log someone in through the data layer, render at a URL. */
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { needsSecondStep, requestToken } from '../api/endpoints';
import { startSession } from '../auth/session';
import { App } from '../app/app';
import { setToken } from '../auth/token-storage';
import { env } from '../config/env';
import { mockUsers } from '../mock-api/server/users';

/** A seed user of the mock API; every seed user has a username and an email. */
export interface SeedUser {
  id: number;
  username: string;
  email: string;
  password: string;
}

export function mockUser(username: string): SeedUser {
  const user = mockUsers.find((candidate) => candidate.username === username);
  if (user?.username == null || user.email === null) {
    throw new Error(`No mock seed user named ${username}`);
  }
  return { ...user, username: user.username, email: user.email };
}

/**
 * Logs in through the real POST /token of the mock API and starts the session with its answer, as
 * the app does, with the seed user's username or email, whichever the build logs in with. Answers
 * the session's token (a cookie session's CSRF value).
 */
export async function logInAs(username: string): Promise<string> {
  const user = mockUser(username);
  const answer = await requestToken({
    identifier: user[env.loginIdentifier],
    password: user.password,
  });
  if (needsSecondStep(answer)) throw new Error(`${username} has two-step verification on`);
  const { tokens } = answer;
  if (tokens !== null) {
    setToken(tokens.token);
    return tokens.token;
  }
  const token = startSession(null);
  if (token === null) throw new Error('The login set no session cookie this page can read');
  return token;
}

interface RenderAppOptions {
  /** The URL to open, with query and hash. */
  route?: string;
  /** A mock user to log in before the app starts. */
  as?: string;
}

/** Renders the whole app at `route`, as a browser would open it. */
export async function renderApp({ route = '/', as }: RenderAppOptions = {}) {
  if (as !== undefined) await logInAs(as);
  window.history.pushState(null, '', route);
  const user = userEvent.setup();
  // An awaited act lets React retry a page that suspended while its code chunk was loading.
  const result = await act(() =>
    Promise.resolve(
      // As in main.tsx: StrictMode's double effects must not double any request.
      render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );
  return { user, ...result };
}

export function currentUrl(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}
