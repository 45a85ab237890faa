import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { dropUnusableToken } from './auth/session';
import { getToken } from './auth/token-storage';
import { getLocale } from './i18n/locale';
import { loadMessages } from './i18n/messages';
import { takeOverFromEarlySubmit } from './lib/early-submit';
import { HydrationBoundary } from './lib/hydration';
import { matchesPrerender } from './prerender/matches-prerender';
import { takeResetTokenFromAddressBar } from './public/password-reset/reset-link-token';
import './ui/styles.css';

async function main() {
  takeResetTokenFromAddressBar();
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  // The person's language before the first paint, so the page does not switch under them;
  // fetched while the mock API starts. English is built in and always there as a fallback.
  const messagesReady = loadMessages(getLocale()).catch(() => undefined);
  // A build-time constant (VITE_API_MOCKING, resolved in vite.config.ts) guarding a dynamic
  // import: a build with the mock off has neither this branch nor the mock's chunk.
  if (__GATEHOUSE_API_MOCKING__) {
    try {
      const { startBrowserMock } = await import('./mock-api/browser');
      await startBrowserMock();
    } catch (error) {
      console.warn('The mock API did not start; requests go to the network.', error);
    }
  }
  await messagesReady;
  // Decide before the first render, so a dead session never flashes a private page.
  dropUnusableToken();
  // /login and /signup arrive prerendered: take that HTML over, what was typed in it included.
  const hydrating = await matchesPrerender(root);
  // With a session left, /login moves on and its form never shows.
  takeOverFromEarlySubmit(root, getToken() === null);
  const app = (
    <StrictMode>
      {hydrating ? (
        <HydrationBoundary>
          <App />
        </HydrationBoundary>
      ) : (
        <App />
      )}
    </StrictMode>
  );
  if (hydrating) {
    // Synchronously, in this task: scheduled, hydration would wait for a task of its own, after
    // the browser has had a turn at rendering the unchanged page, and the form would start
    // working later (by about 60 ms on the bench's throttled phone profile).
    flushSync(() => {
      hydrateRoot(root, app);
    });
  } else {
    root.replaceChildren();
    createRoot(root).render(app);
  }
}

void main();
