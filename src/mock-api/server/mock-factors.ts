/**
 * The second factors the mock server keeps per user, like the reference backend's database:
 * two-step verification (an authenticator app's TOTP secret and recovery codes) and passkeys
 * (WebAuthn public keys). The backend's mock (src/backends/flask-jwt-extended/mock/) decides what
 * they mean; this module only holds them, for persistence and the Mock API panel.
 */

/** One user's two-step verification. */
export interface MockTwoStep {
  /** The authenticator app's secret (base32) while two-step verification is on; null while off. */
  secret: string | null;
  /** The secret /2fa/setup handed out, until /2fa/enable proves the app has it. */
  pendingSecret: string | null;
  /** The time step of the last code accepted: each code works once. */
  lastStep: number | null;
  /** SHA-256 (hex) of each recovery code not used yet. */
  recoveryCodeHashes: string[];
}

export interface MockPasskey {
  /** The credential id, base64url: the id the API shows. */
  id: string;
  userId: number;
  name: string;
  /** The credential public key as the authenticator sent it (COSE), base64url. */
  publicKey: string;
  signCount: number;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  createdAt: string;
  lastUsedAt: string | null;
}

export interface MockFactorState {
  twoStep: Map<number, MockTwoStep>;
  /** Oldest first. */
  passkeys: MockPasskey[];
}

/**
 * What is under way and lives only as long as the page: the passkey registrations begun, and the
 * login steps' one-time tokens (their wrong codes, and those used).
 */
export interface MockFactorFlows {
  /** User id → the challenge of their latest /webauthn/register/begin, and when it stops working. */
  registrations: Map<number, { challenge: string; expiresAt: number }>;
  /** An mfa_token's jti → the wrong codes sent with it. */
  wrongCodes: Map<string, number>;
  /** The jtis of the mfa_tokens and passkey sign-in states that were used. */
  usedStepTokens: Set<string>;
}

export function createMockFactorState(): MockFactorState {
  return { twoStep: new Map(), passkeys: [] };
}

export function createMockFactorFlows(): MockFactorFlows {
  return { registrations: new Map(), wrongCodes: new Map(), usedStepTokens: new Set() };
}

/** Whether `userId` logs in with a second step. */
export function isTwoStepOn(factors: MockFactorState, userId: number): boolean {
  return (factors.twoStep.get(userId)?.secret ?? null) !== null;
}

/** Two-step verification off and every passkey gone, as if the user had never set them up. */
export function resetFactorsOf(
  factors: MockFactorState,
  flows: MockFactorFlows,
  userId: number,
): void {
  factors.twoStep.delete(userId);
  factors.passkeys = factors.passkeys.filter((passkey) => passkey.userId !== userId);
  flows.registrations.delete(userId);
}

/** A user's factors as the Mock API panel shows them. */
export interface UserFactorSummary {
  userId: number;
  username: string | null;
  email: string | null;
  twoStep: boolean;
  recoveryCodesLeft: number;
  /** Passkey names, oldest first. */
  passkeys: string[];
}

export function factorSummaries(
  factors: MockFactorState,
  users: readonly { id: number; username: string | null; email: string | null }[],
): UserFactorSummary[] {
  return users.map(({ id, username, email }) => {
    const twoStep = isTwoStepOn(factors, id);
    return {
      userId: id,
      username,
      email,
      twoStep,
      recoveryCodesLeft: twoStep ? (factors.twoStep.get(id)?.recoveryCodeHashes.length ?? 0) : 0,
      passkeys: factors.passkeys
        .filter((passkey) => passkey.userId === id)
        .map((passkey) => passkey.name),
    };
  });
}
