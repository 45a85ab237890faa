import type { Credentials } from '../api/endpoints';
import { requestToken } from '../api/endpoints';

/**
 * POST /token through the app's endpoint, for a build that keeps its tokens in localStorage:
 * the tokens the answer carries.
 */
export async function loginTokens(credentials: Credentials, signal?: AbortSignal) {
  const { tokens, userId } = await requestToken(credentials, signal);
  if (tokens === null) throw new Error('This login answered cookies, not tokens');
  return { ...tokens, userId };
}
