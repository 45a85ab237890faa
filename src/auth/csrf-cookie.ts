/**
 * A session kept in httpOnly cookies, as this page can see it: the CSRF value the backend puts in
 * a readable cookie beside each token cookie (flask-jwt-extended's `csrf_access_token` and
 * `csrf_refresh_token`). The value changes with every token the server sets, and goes when the
 * server clears the cookies, so it stands for the token the page cannot read.
 *
 * Cookies send no `storage` event: the tabs of this browser tell each other on a
 * BroadcastChannel, and a tab back from the background reads the cookies again.
 */

/**
 * How the value changed: a session started or went on with new tokens (a login, a password
 * change), renewed, ended, or changed while no tab said why (the cookie read again).
 */
type Change = 'start' | 'renewal' | 'end' | 'unexplained';

interface ChangeMessage {
  name: string;
  change: Change;
}

const CHANNEL_NAME = 'gatehouse:cookie-session';

function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim() || null;
    }
  }
  return null;
}

/**
 * Removes a readable cookie. The page cannot know the Domain the backend gave it
 * (JWT_COOKIE_DOMAIN), so this host and each parent domain are tried; a browser ignores the ones
 * that match no cookie.
 */
function expireCookie(name: string) {
  const labels = window.location.hostname.split('.');
  const domains = [''];
  for (let start = 0; start < labels.length - 1; start += 1) {
    domains.push(`; Domain=${labels.slice(start).join('.')}`);
  }
  for (const domain of domains) document.cookie = `${name}=; Max-Age=0; Path=/${domain}`;
}

export interface CsrfCookie {
  get: () => string | null;
  /** The cookie's value now, as the server may have just set it; `get` changes only on `set`. */
  peek: () => string | null;
  /**
   * Whose session the value belongs to: a number that changes when a session starts where there
   * was none, or changes unexplained, and stays the same while it goes on (a renewed token, a
   * password change), so that its cached data stays too.
   */
  owner: () => number | null;
  /** Takes the value a login's (or a password change's) answer has just set. */
  set: (value: string) => void;
  /** Takes the value a renewal has just set, as the same session. */
  renewed: () => void;
  /** Ends the session in this page, and in the other tabs, even when the server could not. */
  remove: () => void;
  subscribe: (listener: () => void) => () => void;
  /** Reads the cookie again, for when a change may have been missed. */
  reload: () => void;
}

const channelListeners = new Set<(message: ChangeMessage) => void>();
let channel: BroadcastChannel | null = null;

/**
 * Opened by the first subscriber or message, not at import: an open channel keeps a process alive,
 * and the build's prerendering runs this module in Node.
 */
function openChannel(): BroadcastChannel | null {
  if (channel === null && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      for (const each of [...channelListeners]) each(event.data);
    };
  }
  return channel;
}

function broadcast(message: ChangeMessage) {
  openChannel()?.postMessage(message);
}

export function createCsrfCookie(name: string): CsrfCookie {
  let current = readCookie(name);
  let sessions = 0;
  let owner = current === null ? null : ++sessions;
  const listeners = new Set<() => void>();

  /** Adopts `next`. A session can only go on from one this tab knew, and for a reason it was told. */
  const adopt = (next: string | null, change: Change) => {
    if (next === current) return false;
    const goesOn = current !== null && next !== null && change !== 'unexplained';
    owner = next === null ? null : goesOn ? owner : ++sessions;
    current = next;
    for (const listener of [...listeners]) listener();
    return true;
  };

  channelListeners.add((message) => {
    if (message.name === name) adopt(readCookie(name), message.change);
  });

  const takeAndTell = (change: Change) => (value: string | null) => {
    if (adopt(value, change)) broadcast({ name, change });
  };

  return {
    get: () => current,
    peek: () => readCookie(name),
    owner: () => owner,
    set: takeAndTell('start'),
    renewed: () => {
      takeAndTell('renewal')(readCookie(name));
    },
    remove: () => {
      expireCookie(name);
      takeAndTell('end')(null);
    },
    subscribe: (listener) => {
      openChannel();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload: () => {
      adopt(readCookie(name), 'unexplained');
    },
  };
}
