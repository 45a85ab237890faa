import type { PrivatePageName } from '../private';
import { usePrivateApp } from './private-app-loader';

/** A private page from the lazily loaded chunk; rendered inside RequireAuth, so it is loaded. */
export function PrivatePage({ name }: { name: PrivatePageName }) {
  const Page = usePrivateApp().privatePages[name];
  return <Page />;
}
