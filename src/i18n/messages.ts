import { en } from './en';

/** The strings the UI shows. One module, so that a second language has one place to plug in. */
export const messages = en;
