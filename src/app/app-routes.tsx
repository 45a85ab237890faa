import { Route, Routes } from 'react-router-dom';
import { env } from '../config/env';
import { paths } from '../config/paths';
import { PrivatePage } from '../guard/private-page';
import { RequireAuth } from '../guard/require-auth';
import { LoginPage } from '../public/login/login-page';
import { NotFoundPage } from '../public/not-found/not-found-page';
import { passwordResetPages } from '../public/password-reset/password-reset-loader';
import { signupPage } from '../public/signup/signup-loader';
import { LazyPage } from '../ui/lazy-page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.login} element={<LoginPage />} />
      {env.signup ? (
        <Route
          path={paths.signup}
          element={<LazyPage loader={signupPage} render={({ SignupPage }) => <SignupPage />} />}
        />
      ) : null}
      {env.passwordReset ? (
        <>
          <Route
            path={paths.forgotPassword}
            element={
              <LazyPage
                loader={passwordResetPages}
                render={({ ForgotPasswordPage }) => <ForgotPasswordPage />}
              />
            }
          />
          <Route
            path={paths.resetPassword}
            element={
              <LazyPage
                loader={passwordResetPages}
                render={({ ResetPasswordPage }) => <ResetPasswordPage />}
              />
            }
          />
        </>
      ) : null}
      <Route element={<RequireAuth />}>
        <Route path={paths.home} element={<PrivatePage name="home" />} />
        <Route path={paths.profile} element={<PrivatePage name="profile" />} />
        {env.dialect.account !== null ? (
          <Route path={paths.account} element={<PrivatePage name="account" />} />
        ) : null}
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
