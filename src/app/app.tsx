import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { renewAccessToken } from '../api/token-refresh';
import { watchSession } from '../auth/session';
import { ErrorBoundary } from '../ui/error-boundary';
import { AppRoutes } from './app-routes';

export function App() {
  useEffect(() => watchSession({ renew: renewAccessToken }), []);

  return (
    <ErrorBoundary>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ErrorBoundary>
  );
}
