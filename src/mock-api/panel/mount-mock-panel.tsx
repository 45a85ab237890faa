import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MockControls } from './mock-controls';
import { MockPanel } from './mock-panel';
import './mock-panel.css';

/** Renders the Mock API panel into its own element at the end of <body>, outside the app. */
export function mountMockPanel(controls: MockControls): () => void {
  const container = document.createElement('div');
  container.id = 'gatehouse-mock-panel';
  document.body.append(container);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <MockPanel controls={controls} />
    </StrictMode>,
  );
  return () => {
    root.unmount();
    container.remove();
  };
}
