/**
 * The account side of the mock server, shared by every backend's mock: reset links and their
 * e-mails (the Mailbox), the limit on asking for them, and the revocation of every token a person
 * held before a password change, a reset or "log out everywhere". It behaves like the reference
 * backends: a link works once, for 30 minutes; 5 requests an hour per account typed.
 */

export const RESET_LIFETIME_MS = 30 * 60 * 1000;
export const RESET_REQUESTS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;
/** The Mailbox keeps the latest messages only, as a developer's inbox needs no more. */
const MAILBOX_SIZE = 20;
/** Issue records kept for revocation: older tokens have long expired. */
const ISSUES_KEPT = 1000;

/** An e-mail the mock sent, as the Mailbox shows it. */
export interface MockMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  /** The link the message holds, for the Mailbox to make clickable. */
  link: string;
  sentAt: number;
}

export interface MockAccountState {
  /**
   * A counter that orders token issues and revocations: a token is revoked when it was issued
   * before its user's last password change. A clock's milliseconds could tie; a counter cannot.
   */
  serial: number;
  /** Token id (jti) → its user's id and the serial it was issued at. */
  issues: Map<string, { userId: number; serial: number }>;
  /** User id → the serial of their last password change or log-out-everywhere. */
  validAfter: Map<number, number>;
  /**
   * User id → when (ms since the epoch) that last revocation happened: a token the mock did not
   * issue (crafted with the key) has no serial, and only its claims date it.
   */
  revokedAt: Map<number, number>;
  /** Reset token → the user it resets and when it stops working (ms since the epoch). */
  resetTokens: Map<string, { userId: number; expiresAt: number }>;
  /** The account typed → when reset links were asked for it in the last hour. */
  resetRequests: Map<string, number[]>;
  mailbox: MockMail[];
}

export function createMockAccountState(): MockAccountState {
  return {
    serial: 0,
    issues: new Map(),
    validAfter: new Map(),
    revokedAt: new Map(),
    resetTokens: new Map(),
    resetRequests: new Map(),
    mailbox: [],
  };
}

/** Remembers that the token `jti` was issued to `userId` now. */
export function recordIssue(accounts: MockAccountState, jti: string, userId: number): void {
  accounts.serial += 1;
  accounts.issues.set(jti, { userId, serial: accounts.serial });
  if (accounts.issues.size > ISSUES_KEPT) {
    const [oldest] = accounts.issues.keys();
    if (oldest !== undefined) accounts.issues.delete(oldest);
  }
}

/** Every token issued to `userId` until now is revoked. */
export function revokeTokensOf(accounts: MockAccountState, userId: number): void {
  accounts.serial += 1;
  accounts.validAfter.set(userId, accounts.serial);
  accounts.revokedAt.set(userId, Date.now());
}

/**
 * Whether the token was issued before its user's last password change or log-out-everywhere. One
 * the mock issued is dated by its `jti`; one it did not (crafted with the key) only by what its
 * claims say, `claimedIssuedAtMs` (each framework reads them its own way; null: they cannot be
 * compared, and nothing revokes it).
 */
export function isRevokedByAccountChange(
  accounts: MockAccountState,
  token: { userId: number; jti: string | null; claimedIssuedAtMs: number | null },
): boolean {
  const issue = token.jti === null ? undefined : accounts.issues.get(token.jti);
  if (issue !== undefined) return issue.serial < (accounts.validAfter.get(token.userId) ?? 0);
  const revokedAt = accounts.revokedAt.get(token.userId);
  return (
    revokedAt !== undefined &&
    token.claimedIssuedAtMs !== null &&
    token.claimedIssuedAtMs < revokedAt
  );
}

/**
 * Counts a reset request for the account typed, known or not; the seconds to wait when this one
 * is over the limit (and not counted), else null.
 */
export function resetRequestWait(
  accounts: MockAccountState,
  identifier: string,
  now: number,
): number | null {
  const recent = (accounts.resetRequests.get(identifier) ?? []).filter(
    (time) => time > now - HOUR_MS,
  );
  const [oldest] = recent;
  if (recent.length >= RESET_REQUESTS_PER_HOUR && oldest !== undefined) {
    accounts.resetRequests.set(identifier, recent);
    return Math.max(1, Math.ceil((oldest + HOUR_MS - now) / 1000));
  }
  accounts.resetRequests.set(identifier, [...recent, now]);
  return null;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Where a reset link takes the person: this app, as the reference backends' APP_URL says; their
 * default where no page runs the mock (Node).
 */
export const appUrl = () =>
  'location' in globalThis ? globalThis.location.origin : 'http://127.0.0.1:5173';

/** A new reset link for `userId`, delivered to the Mailbox. `appUrl`: where the app lives. */
export function sendResetLink(
  accounts: MockAccountState,
  { userId, to, appUrl, now }: { userId: number; to: string; appUrl: string; now: number },
): MockMail {
  const token = randomToken();
  accounts.resetTokens.set(token, { userId, expiresAt: now + RESET_LIFETIME_MS });
  const link = `${appUrl}/reset-password#token=${token}`;
  const mail: MockMail = {
    id: crypto.randomUUID(),
    to,
    subject: 'Reset your password',
    body:
      'Someone asked to reset the password of your account. To choose a new one, open this link ' +
      `within 30 minutes:\n\n${link}\n\nIf it was not you, ignore this message: your password ` +
      'stays as it is.',
    link,
    sentAt: now,
  };
  accounts.mailbox = [mail, ...accounts.mailbox].slice(0, MAILBOX_SIZE);
  return mail;
}

/** Whether the reset token would be accepted now, without using it up. */
export function isResetTokenValid(accounts: MockAccountState, token: string, now: number): boolean {
  const found = accounts.resetTokens.get(token);
  return found !== undefined && found.expiresAt >= now;
}

/**
 * Uses the reset token up: the user it was made for, or null for an unknown, used or expired one.
 * The person's other links stop working too, since their password changes now.
 */
export function redeemResetToken(
  accounts: MockAccountState,
  token: string,
  now: number,
): number | null {
  if (!isResetTokenValid(accounts, token, now)) return null;
  const found = accounts.resetTokens.get(token);
  if (found === undefined) return null;
  for (const [other, { userId }] of accounts.resetTokens) {
    if (userId === found.userId) accounts.resetTokens.delete(other);
  }
  return found.userId;
}
