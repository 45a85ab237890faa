import { Component, type ErrorInfo, type ReactNode } from 'react';
import { paths } from '../config/paths';
import { useMessages } from '../i18n/messages';

function CrashNotice() {
  const { crash } = useMessages();
  return (
    <section className="card crash" role="alert">
      <h1>{crash.title}</h1>
      <p>{crash.body}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            window.location.reload();
          }}
        >
          {crash.reload}
        </button>
        <a className="button button--secondary" href={paths.home}>
          {crash.home}
        </a>
      </div>
    </section>
  );
}

interface Props {
  children: ReactNode;
}

interface State {
  hasError: boolean;
}

/** Catches render errors below it and shows a way out instead of a white screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { hasError: false };

  static getDerivedStateFromError(): State {
    return { hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('Gatehouse caught a render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return <CrashNotice />;
  }
}
