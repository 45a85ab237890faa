import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { watchSession } from '../auth/session';
import { ErrorBoundary } from '../ui/error-boundary';
import { AppRoutes } from './app-routes';

// The API client is its own chunk, which the login page's first load does without: a session
// that needs renewing downloads it then.
const renew = (expiredToken: string) =>
  import('../api/api-client').then((client) => client.renewExpiredToken(expiredToken));

export function App() {
  useEffect(() => watchSession({ renew }), []);

  return (
    <ErrorBoundary>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ErrorBoundary>
  );
}
