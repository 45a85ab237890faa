import { needsSecondStep, requestToken, type Credentials } from '../api/endpoints';

/**
 * POST /token through the app's endpoint, for a build that keeps its tokens in localStorage:
 * the tokens the answer carries.
 */
export async function loginTokens(credentials: Credentials, signal?: AbortSignal) {
  const answer = await requestToken(credentials, signal);
  if (needsSecondStep(answer)) throw new Error('This login asked for a second step');
  const { tokens, userId } = answer;
  if (tokens === null) throw new Error('This login answered cookies, not tokens');
  return { ...tokens, userId };
}
