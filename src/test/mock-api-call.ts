import { apiPath } from '../mock-api/handlers';

/** What a caller of the mock API sees of an answer: a JSON body parsed, any other as text. */
export interface MockAnswer {
  status: number;
  allow: string | null;
  body: unknown;
}

/** One request to the mock API as a Bearer client sends it: the token, and a JSON body. */
export async function callMockApi(
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<MockAnswer> {
  const headers = new Headers();
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    allow: response.headers.get('Allow'),
    body: response.headers.get('Content-Type')?.includes('json')
      ? (JSON.parse(text) as unknown)
      : text,
  };
}
