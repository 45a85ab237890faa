import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { renewExpiredToken } from '../api/api-client';
import { watchSession } from '../auth/session';
import { ErrorBoundary } from '../ui/error-boundary';
import { AppRoutes } from './app-routes';

export function App() {
  useEffect(() => watchSession({ renew: renewExpiredToken }), []);

  return (
    <ErrorBoundary>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ErrorBoundary>
  );
}
