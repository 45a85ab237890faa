import { Route, Routes } from 'react-router-dom';
import { paths } from '../config/paths';
import { PrivatePage } from '../guard/private-page';
import { RequireAuth } from '../guard/require-auth';
import { LoginPage } from '../public/login/login-page';
import { NotFoundPage } from '../public/not-found/not-found-page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.login} element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route path={paths.home} element={<PrivatePage name="home" />} />
        <Route path={paths.profile} element={<PrivatePage name="profile" />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
