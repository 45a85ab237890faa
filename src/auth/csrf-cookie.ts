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
  /** The cookie's value after the change: a message that arrives late describes another one. */
  value: string | null;
  /** Why the session ended, for an `end`: the other tabs say it too. */
  reason?: string;
}

const CHANNEL_NAME = 'gatehouse:cookie-session';

/**
 * When a tab reads the cookie again after a message that does not match it. Chromium caches
 * `document.cookie` in each renderer, and another tab's message can arrive before that cache has
 * the change the message describes (seen: a logout's message read beside the old value).
 */
const SETTLE_DELAYS_MS = [20, 50, 100, 200, 400, 800];

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
  owner: () => number;
  /** Takes the value a login's (or a password change's) answer has just set. */
  set: (value: string) => void;
  /** Takes the value a renewal has just set, as the same session. */
  renewed: () => void;
  /**
   * Ends the session in this page, and in the other tabs, even when the server could not; they are
   * told `reason`.
   */
  remove: (reason?: string) => void;
  /** Why another tab ended the session, when it was the last to change it; null otherwise. */
  remoteEndReason: () => string | null;
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

/**
 * What several changes heard at once amount to: a session goes on only through logins and
 * renewals; one that ended on the way was replaced by another.
 */
function combined(changes: ChangeMessage[]): Change {
  const last = changes[changes.length - 1]?.change ?? 'unexplained';
  if (changes.every(({ change }) => change === 'start' || change === 'renewal')) return last;
  return last === 'end' ? 'end' : 'unexplained';
}

export function createCsrfCookie(name: string): CsrfCookie {
  let current = readCookie(name);
  let sessions = 0;
  let owner = current === null ? null : ++sessions;
  let endedBy: string | null = null;
  const listeners = new Set<() => void>();

  /** Adopts `next`. A session can only go on from one this tab knew, and for a reason it was told. */
  const adopt = (next: string | null, change: Change, remoteReason: string | null = null) => {
    if (next === current) return false;
    const goesOn =
      current !== null && next !== null && (change === 'start' || change === 'renewal');
    owner = next === null ? null : goesOn ? owner : ++sessions;
    current = next;
    endedBy = next === null ? remoteReason : null;
    for (const listener of [...listeners]) listener();
    return true;
  };

  /** Messages that describe a value this tab has not seen in the cookie yet, oldest first. */
  let unseen: ChangeMessage[] = [];
  let settling: ReturnType<typeof setTimeout> | undefined;

  /**
   * Only a message about the value the cookie holds says why it changed. One that does not match
   * is either ahead of this tab's view of the cookie, which soon catches up, or late news of a
   * value already gone, which the cookie never comes back to: read as unexplained once it has had
   * time to.
   */
  const settle = (attempt: number) => {
    clearTimeout(settling);
    const now = readCookie(name);
    const seen = unseen.map((message) => message.value).lastIndexOf(now);
    if (seen !== -1) {
      const changes = unseen.slice(0, seen + 1);
      unseen = unseen.slice(seen + 1);
      adopt(now, combined(changes), changes[changes.length - 1]?.reason);
    }
    if (unseen.length === 0) return;
    if (attempt < SETTLE_DELAYS_MS.length) {
      settling = setTimeout(() => {
        settle(attempt + 1);
      }, SETTLE_DELAYS_MS[attempt]);
      return;
    }
    unseen = [];
    adopt(now, 'unexplained');
  };

  channelListeners.add((message) => {
    if (message.name !== name) return;
    unseen.push(message);
    settle(0);
  });

  const takeAndTell = (change: Change, value: string | null, reason?: string) => {
    if (adopt(value, change)) broadcast({ name, change, value, reason });
  };

  return {
    get: () => current,
    peek: () => readCookie(name),
    // Before a session starts, the one it will be: what a login prepares is kept for it.
    owner: () => owner ?? sessions + 1,
    set: (value) => {
      takeAndTell('start', value);
    },
    renewed: () => {
      takeAndTell('renewal', readCookie(name));
    },
    remove: (reason) => {
      expireCookie(name);
      takeAndTell('end', null, reason);
    },
    remoteEndReason: () => endedBy,
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
