import { mockServer } from '../mock-api/node';

/** `METHOD /path` of every request the mock API receives from now on, in order. */
export function recordRequests(): string[] {
  const seen: string[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return seen;
}

/** The JSON bodies the mock API receives from now on at `path`, read as they arrive. */
export function recordJsonBodies(path: string): unknown[] {
  const bodies: unknown[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname !== path) return;
    void request
      .clone()
      .json()
      .then((body: unknown) => bodies.push(body));
  });
  return bodies;
}
