/**
 * Answers that arrive at the wrong moment: after logout, after the person left the login page,
 * after another tab logged someone else in. None of them may show private data or bring a
 * session back.
 */
import { otherTabWrites } from '../test/other-tab';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { getToken, TOKEN_STORAGE_KEY } from '../auth/token-storage';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { logInAs, mockUser, renderApp } from '../test/render-app';

const nowSeconds = () => Math.floor(Date.now() / 1000);

const ALE = mockUser('alesanchezr');
const ADA = mockUser('ada');

/** Lets pending answers, renders and effects run; well under the 100 ms budget. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

function tokenFor(identity: string): Promise<string> {
  return createAccessToken({ identity, lifetimeSeconds: 900, nowSeconds: nowSeconds() });
}

interface HeldAnswer {
  /** The requests the handler received. */
  requests: Request[];
  /** Settles when the first request has reached the server. */
  arrived: Promise<void>;
  /** Lets the server answer. */
  release: () => void;
  resolver: (info: { request: Request }) => Promise<Response | undefined>;
}

/**
 * A server that holds its answer until the test releases it. With `only`, it holds just the
 * requests `only` picks and leaves the others to the regular mock API.
 */
function heldAnswer(
  answer: () => Response | Promise<Response>,
  only: (request: Request) => boolean = () => true,
): HeldAnswer {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requests: Request[] = [];
  return {
    requests,
    arrived,
    release: () => {
      release();
    },
    resolver: async ({ request }) => {
      if (!only(request)) return undefined;
      requests.push(request);
      arrive();
      await released;
      return answer();
    },
  };
}

/** Every request the app sends from now on, as `METHOD /path`. */
function recordRequests(): string[] {
  const seen: string[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return seen;
}

/**
 * Watches the page from now on and remembers whatever appears, even for a moment, that contains
 * `text`, and with `logOutButton` also any "Log out" control (a private page being shown).
 */
function watchPage(text: string, { logOutButton = false } = {}) {
  const appeared: string[] = [];
  const check = (node: Node) => {
    const content = node.textContent ?? '';
    if (content.includes(text)) appeared.push(content);
    if (!logOutButton || !(node instanceof Element)) return;
    const buttons = [node, ...node.querySelectorAll('button')];
    if (buttons.some((el) => el instanceof HTMLButtonElement && el.textContent === 'Log out')) {
      appeared.push('a Log out button');
    }
  };
  const checkAll = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'characterData') check(record.target);
      for (const node of record.addedNodes) check(node);
    }
  };
  const observer = new MutationObserver(checkAll);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return {
    /** Stops watching and tells what appeared. */
    appeared: () => {
      checkAll(observer.takeRecords());
      observer.disconnect();
      return appeared;
    },
  };
}

/** Another tab of the same browser logs in (or out): it writes storage and this tab hears of it. */
function otherTabStores(token: string | null) {
  act(() => {
    otherTabWrites(token);
  });
}

// A late answer must not surface as an error either: the console stays clean.
let consoleErrors: MockInstance<typeof console.error>;
let consoleWarnings: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleErrors = vi.spyOn(console, 'error');
  consoleWarnings = vi.spyOn(console, 'warn');
});

afterEach(() => {
  expect(consoleErrors).not.toHaveBeenCalled();
  expect(consoleWarnings).not.toHaveBeenCalled();
});

function expectLoggedOutAfterChoosingTo() {
  expect(window.location.pathname).toBe('/login');
  expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  expect(getToken()).toBeNull();
  expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Log out' })).not.toBeInTheDocument();
  expect(screen.getByText('You have logged out.')).toHaveAttribute('role', 'status');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
}

describe('a /protected answer that arrives after logout', () => {
  it.each<[string, () => Response]>([
    ['a 200 with the user', () => HttpResponse.json({ id: ALE.id, username: ALE.username })],
    [
      'a 401 "Token has expired"',
      () => HttpResponse.json({ msg: 'Token has expired' }, { status: 401 }),
    ],
    [
      'a 422 "Signature verification failed"',
      () => HttpResponse.json({ msg: 'Signature verification failed' }, { status: 422 }),
    ],
  ])('(%s) shows nothing and brings nothing back', async (_case, answer) => {
    const held = heldAnswer(answer);
    mockServer.use(http.get(apiPath('/protected'), held.resolver));
    const { user } = await renderApp({ route: '/profile', as: ALE.username });
    await held.arrived;

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Log in' });
    const requests = recordRequests();
    const watch = watchPage(ALE.username, { logOutButton: true });
    held.release();
    await settle();

    expect(watch.appeared()).toEqual([]);
    expectLoggedOutAfterChoosingTo();
    expect(requests).toEqual([]);
  });

  it('does not show the previous user’s data to the next one, who logged in meanwhile', async () => {
    const aleToken = await logInAs(ALE.username);
    const held = heldAnswer(
      () => HttpResponse.json({ id: ALE.id, username: ALE.username }),
      (request) => request.headers.get('Authorization') === `Bearer ${aleToken}`,
    );
    mockServer.use(http.get(apiPath('/protected'), held.resolver));
    const { user } = await renderApp({ route: '/profile' });
    await held.arrived;

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await user.type(await screen.findByLabelText('Username'), ADA.username);
    await user.type(screen.getByLabelText('Password'), ADA.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: `Welcome, ${ADA.username}!` });
    const watch = watchPage(ALE.username);
    held.release();
    await settle();
    await user.click(screen.getByRole('link', { name: 'Profile' }));

    expect(await screen.findByText(ADA.username, { selector: 'dd' })).toBeInTheDocument();
    expect(watch.appeared()).toEqual([]);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).not.toBe(aleToken);
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
  });
});

describe('a login answer that arrives after the person left the login page', () => {
  it('stores no token once they went to another page', async () => {
    const held = heldAnswer(async () =>
      HttpResponse.json({ token: await tokenFor(String(ALE.id)), user_id: ALE.id }),
    );
    mockServer.use(http.post(apiPath('/token'), held.resolver));
    const { user } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), ALE.username);
    await user.type(screen.getByLabelText('Password'), ALE.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await held.arrived;

    // As the Back button would: the URL changes and the router hears a popstate.
    act(() => {
      window.history.pushState(null, '', '/elsewhere');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await screen.findByRole('heading', { name: 'Page not found' });
    const watch = watchPage(ALE.username, { logOutButton: true });
    held.release();
    await settle();

    expect(watch.appeared()).toEqual([]);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(getToken()).toBeNull();
    expect(window.location.pathname).toBe('/elsewhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('stores no token once they closed the app, and the next start is logged out', async () => {
    const held = heldAnswer(async () =>
      HttpResponse.json({ token: await tokenFor(String(ALE.id)), user_id: ALE.id }),
    );
    mockServer.use(http.post(apiPath('/token'), held.resolver));
    const { user, unmount } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), ALE.username);
    await user.type(screen.getByLabelText('Password'), ALE.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await held.arrived;

    unmount();
    held.release();
    await settle();

    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(getToken()).toBeNull();
    await renderApp({ route: '/profile' });
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');
    expect(screen.queryByText(ALE.username)).not.toBeInTheDocument();
  });
});

describe('two tabs logging in as different users, one after the other', () => {
  it('ends with the last user and never shows the first one’s data again', async () => {
    const [aleToken, adaToken] = await Promise.all([
      tokenFor(String(ALE.id)),
      tokenFor(String(ADA.id)),
    ]);
    await renderApp({ route: '/profile' });
    await screen.findByRole('button', { name: 'Log in' });

    otherTabStores(aleToken);
    expect(await screen.findByText(ALE.username, { selector: 'dd' })).toBeInTheDocument();
    const watch = watchPage(ALE.username);
    otherTabStores(adaToken);

    expect(await screen.findByText(ADA.username, { selector: 'dd' })).toBeInTheDocument();
    await settle();
    expect(watch.appeared()).toEqual([]);
    expect(screen.queryByText(ALE.username)).not.toBeInTheDocument();
    expect(window.location.pathname).toBe('/profile');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(adaToken);
    expect(getToken()).toBe(adaToken);
  });

  it('ignores the first user’s answer when it comes after the second user logged in', async () => {
    const [aleToken, adaToken] = await Promise.all([
      tokenFor(String(ALE.id)),
      tokenFor(String(ADA.id)),
    ]);
    const held = heldAnswer(
      () => HttpResponse.json({ id: ALE.id, username: ALE.username }),
      (request) => request.headers.get('Authorization') === `Bearer ${aleToken}`,
    );
    mockServer.use(http.get(apiPath('/protected'), held.resolver));
    await renderApp({ route: '/profile' });
    await screen.findByRole('button', { name: 'Log in' });
    const watch = watchPage(ALE.username);

    otherTabStores(aleToken);
    await held.arrived;
    otherTabStores(adaToken);
    expect(await screen.findByText(ADA.username, { selector: 'dd' })).toBeInTheDocument();
    held.release();
    await settle();

    expect(watch.appeared()).toEqual([]);
    expect(screen.getByText(ADA.username, { selector: 'dd' })).toBeInTheDocument();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(adaToken);
    expect(getToken()).toBe(adaToken);
  });
});

describe('logging out while a request is in flight', () => {
  it('drops the request: nothing private shows, and no request follows', async () => {
    const held = heldAnswer(() => HttpResponse.json({ id: ALE.id, username: ALE.username }));
    mockServer.use(http.get(apiPath('/protected'), held.resolver));
    const { user } = await renderApp({ route: '/profile', as: ALE.username });
    await held.arrived;
    const requests = recordRequests();
    const watch = watchPage(ALE.username, { logOutButton: true });

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Log in' });
    held.release();
    await settle();

    expect(watch.appeared()).toEqual([]);
    expectLoggedOutAfterChoosingTo();
    expect(requests).toEqual([]);
    expect(held.requests).toHaveLength(1);
  });
});
