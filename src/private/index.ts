/** The entry of the private chunk: loaded only once someone is logged in or logging in. */
import { AccountPage } from './account/account-page';
import { HomePage } from './home/home-page';
import { ProfilePage } from './profile/profile-page';

export { PrivateApp } from './private-app';
export { seedSession } from './seed-session';

export const privatePages = {
  home: HomePage,
  profile: ProfilePage,
  account: AccountPage,
};

export type PrivatePageName = keyof typeof privatePages;
