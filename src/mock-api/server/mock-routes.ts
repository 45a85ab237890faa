/**
 * How a backend's mock declares its routes. Every route answers after the panel's latency, or
 * with its injected failure, before its own resolver runs: no handler calls the simulation
 * itself, so none can forget it.
 */
import { http, type HttpHandler, type HttpResponseResolver } from 'msw';
import type { MockServerState } from './mock-server-state';
import { simulateNetwork } from './simulated-network';

type Method = 'get' | 'post' | 'delete';

export interface MockRoutes {
  get: (path: string, resolver: HttpResponseResolver) => HttpHandler;
  post: (path: string, resolver: HttpResponseResolver) => HttpHandler;
  delete: (path: string, resolver: HttpResponseResolver) => HttpHandler;
  /**
   * The framework's answer to the methods a path does not take (405, or 404 for a route that is
   * off). Declared after the path's own routes; it answers at once, as a router does before any
   * view runs, and leaves the panel's failures to the routes.
   */
  otherMethods: (path: string, resolver: HttpResponseResolver) => HttpHandler;
}

interface RouteOptions {
  state: MockServerState;
  /** The build's VITE_API_URL: the routes answer under it. */
  apiUrl: string;
  /** The backend's own answer to a crash, for the panel's injected server error. */
  serverError: () => Response;
}

export function createMockRoutes({ state, apiUrl, serverError }: RouteOptions): MockRoutes {
  const simulated =
    (method: Method) =>
    (path: string, resolver: HttpResponseResolver): HttpHandler =>
      http[method](`${apiUrl}${path}`, async (info) => {
        const injected = await simulateNetwork(state, serverError);
        return injected ?? resolver(info);
      });
  return {
    get: simulated('get'),
    post: simulated('post'),
    delete: simulated('delete'),
    otherMethods: (path, resolver) => http.all(`${apiUrl}${path}`, resolver),
  };
}
