/**
 * The page's Content-Security-Policy can stop a request to the API before it leaves the browser,
 * and fetch then fails exactly like a lost connection. The browser says what happened only in a
 * `securitypolicyviolation` event; this module listens for it, so that a failed request can tell
 * "the server's headers block the API" from "check your connection".
 */

export interface PolicyBlock {
  /** The origin the policy refused to connect to. */
  origin: string;
  /** The policy as the server sent it. */
  policy: string;
}

const blocks: PolicyBlock[] = [];
let listening = false;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function record(event: SecurityPolicyViolationEvent) {
  if (event.effectiveDirective !== 'connect-src') return;
  const origin = originOf(event.blockedURI);
  if (origin !== null) blocks.push({ origin, policy: event.originalPolicy });
}

/** A mark to pass to `policyBlockSince`: the events from this moment on. */
export function policyViolationMark(): number {
  if (!listening && typeof document !== 'undefined') {
    listening = true;
    document.addEventListener('securitypolicyviolation', record);
  }
  return blocks.length;
}

// The event is queued as a task of its own, which may run after fetch has already failed.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The block of a connection to `url`'s origin reported since `mark`, if the policy made one. */
export async function policyBlockSince(mark: number, url: URL): Promise<PolicyBlock | null> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const block = blocks.slice(mark).find((candidate) => candidate.origin === url.origin);
    if (block !== undefined) return block;
    await nextTask();
  }
  return null;
}
