import type { ReactNode } from 'react';
import type { ModuleLoader } from '../lib/module-loader';
import { useModule } from '../lib/use-module';
import { FullPageSpinner } from './full-page-spinner';
import { LoadFailed } from './load-failed';

/** A page whose code is a chunk of its own: a spinner while it downloads, a retry if it fails. */
export function LazyPage<M>({
  loader,
  render,
}: {
  loader: ModuleLoader<M>;
  render: (module: M) => ReactNode;
}) {
  const state = useModule(loader);
  if (state.status === 'loaded') return render(state.module);
  if (state.status === 'failed') {
    return <LoadFailed onRetry={loader.prefetch} />;
  }
  return <FullPageSpinner />;
}
