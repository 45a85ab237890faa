import type { PrivatePageName } from '../private';
import { usePrivateApp } from './use-private-app';

/** A private page from the lazily loaded chunk; RequireAuth renders it only once that is loaded. */
export function PrivatePage({ name }: { name: PrivatePageName }) {
  const app = usePrivateApp();
  if (app.status !== 'loaded') return null;
  const Page = app.module.privatePages[name];
  return <Page />;
}
