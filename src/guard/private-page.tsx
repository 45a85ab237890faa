import type { PrivatePageName } from '../private';
import { useModule } from '../lib/use-module';
import { privateApp } from './private-app-loader';

/** A private page from the lazily loaded chunk; RequireAuth renders it only once that is loaded. */
export function PrivatePage({ name }: { name: PrivatePageName }) {
  const app = useModule(privateApp);
  if (app.status !== 'loaded') return null;
  const Page = app.module.privatePages[name];
  return <Page />;
}
