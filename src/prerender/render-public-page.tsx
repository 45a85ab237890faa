/**
 * Renders a public page to HTML with React's static rendering API, at build time
 * (vite-plugins/prerender-public-pages.ts runs it). The tree is the app's own, around a
 * StaticRouter instead of the browser's: the client hydrates it (src/main.tsx).
 */
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppRoutes } from '../app/app-routes';
import { HydrationBoundary } from '../lib/hydration';
import { setLocale } from '../i18n/locale';
import { loadMessages } from '../i18n/messages';
import { signupPage } from '../public/signup/signup-loader';
import { ErrorBoundary } from '../ui/error-boundary';
import type { PrerenderedLocale, PrerenderedPath } from '../config/prerendered-pages';

async function text(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const decoder = new TextDecoder();
  let html = '';
  for await (const chunk of stream) {
    html += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return html + decoder.decode();
}

export async function renderPublicPage(
  path: PrerenderedPath,
  locale: PrerenderedLocale,
): Promise<string> {
  await loadMessages(locale);
  setLocale(locale);
  // The sign-up page is its own chunk: the client loads it before hydrating, so must this.
  if (path === '/signup') await signupPage.preload();
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <HydrationBoundary>
        <ErrorBoundary>
          <StaticRouter location={path}>
            <AppRoutes />
          </StaticRouter>
        </ErrorBoundary>
      </HydrationBoundary>
    </StrictMode>,
  );
  return text(prelude);
}
