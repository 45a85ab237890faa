/**
 * Reading a request's JSON body as the reference backend does (request.get_json(silent=True) and
 * its read_strings helper), and its 400 answer for a body it cannot use.
 */
import { HttpResponse } from 'msw';

export const badRequest = (msg: string) => HttpResponse.json({ msg }, { status: 400 });

export const NOT_AN_OBJECT = 'The request body must be a JSON object';

/** The body as a JSON object; null without a JSON content type, or for any other JSON. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  if (!(request.headers.get('Content-Type') ?? '').includes('application/json')) return null;
  try {
    const body: unknown = JSON.parse(await request.text());
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** `NAME must be a non-empty string`: the reference backend's words for a missing field. */
export const missingField = (name: string) => `${name} must be a non-empty string`;

export const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/** The body's string fields `names`, or the 400 message naming the first one missing or empty. */
export async function readStrings<N extends string>(
  request: Request,
  names: readonly N[],
): Promise<Record<N, string> | { problem: string }> {
  const body = await readJsonObject(request);
  if (body === null) return { problem: NOT_AN_OBJECT };
  const values: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = body[name];
    if (!isNonEmptyString(value)) return { problem: missingField(name) };
    values[name] = value;
  }
  return values as Record<N, string>;
}
