import { NavLink, Outlet } from 'react-router-dom';
import { endSession } from '../auth/session';
import { paths } from '../config/paths';
import { messages } from '../i18n/messages';
import { ErrorBoundary } from '../ui/error-boundary';
import { useCurrentUser } from './use-current-user';

function CurrentUsername() {
  const { data } = useCurrentUser();
  return data === undefined ? (
    <span className="username username--loading" aria-hidden="true" />
  ) : (
    <span className="username">
      <span className="visually-hidden">{messages.layout.signedInAs} </span>
      {data.username}
    </span>
  );
}

export function PrivateLayout() {
  const { layout } = messages;
  return (
    <div className="private-layout">
      <header className="topbar">
        <span className="brand">{messages.appName}</span>
        <nav aria-label={layout.nav} className="topbar__nav">
          <NavLink to={paths.home} end>
            {layout.home}
          </NavLink>
          <NavLink to={paths.profile}>{layout.profile}</NavLink>
        </nav>
        <div className="topbar__user">
          <CurrentUsername />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              endSession('logout');
            }}
          >
            {layout.logout}
          </button>
        </div>
      </header>
      <main className="page" id="main">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
