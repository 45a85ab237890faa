/** The entry of the private chunk: loaded only once someone is logged in or logging in. */
import { HomePage } from '../pages/home/home-page';
import { ProfilePage } from '../pages/profile/profile-page';

export { PrivateApp } from './private-app';

export const privatePages = {
  home: HomePage,
  profile: ProfilePage,
};

export type PrivatePageName = keyof typeof privatePages;
