import { NavLink, Outlet } from 'react-router-dom';
import { logOut } from '../api/logout';
import { env } from '../config/env';
import { paths } from '../config/paths';
import { useMessages } from '../i18n/messages';
import { usePrivateMessages } from '../i18n/private-messages';
import { LanguageSwitch } from '../ui/language-switch';
import { ErrorBoundary } from '../ui/error-boundary';
import { useCurrentUser } from './use-current-user';

function CurrentUserName() {
  const { data } = useCurrentUser();
  const { layout } = usePrivateMessages();
  return data === undefined ? (
    <span className="username username--loading" aria-hidden="true" />
  ) : (
    <span className="username">
      <span className="visually-hidden">{layout.signedInAs} </span>
      {data.identifier}
    </span>
  );
}

export function PrivateLayout() {
  const { layout } = usePrivateMessages();
  const { appName } = useMessages();
  return (
    <div className="private-layout">
      <header className="topbar">
        <span className="brand">{appName}</span>
        <nav aria-label={layout.nav} className="topbar__nav">
          <NavLink to={paths.home} end>
            {layout.home}
          </NavLink>
          <NavLink to={paths.profile}>{layout.profile}</NavLink>
          {env.dialect.account !== null ? (
            <NavLink to={paths.account}>{layout.account}</NavLink>
          ) : null}
        </nav>
        <div className="topbar__user">
          <LanguageSwitch />
          <CurrentUserName />
          <button type="button" className="button button--secondary" onClick={logOut}>
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
