import { QueryClientProvider } from '@tanstack/react-query';
import { COOKIE_SESSIONS } from '../config/env';
import { ConfirmedSession } from './confirmed-session';
import { PrivateLayout } from './private-layout';
import { queryClientFor } from './session-query-client';

/** Everything only a logged-in person needs, wired to a query cache that lives with the session. */
export function PrivateApp({ token }: { token: string }) {
  return (
    <QueryClientProvider client={queryClientFor(token)}>
      {COOKIE_SESSIONS ? (
        <ConfirmedSession>
          <PrivateLayout />
        </ConfirmedSession>
      ) : (
        <PrivateLayout />
      )}
    </QueryClientProvider>
  );
}
