/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_URL?: string;
  readonly VITE_API_MOCKING?: string;
  readonly VITE_API_PROFILE?: string;
  readonly VITE_LOGIN_IDENTIFIER?: string;
  readonly VITE_SIGNUP?: string;
  readonly VITE_API_LOGOUT?: string;
  readonly VITE_PASSWORD_RESET?: string;
  readonly VITE_TOKEN_STORAGE?: string;
  readonly VITE_TWO_FACTOR?: string;
  readonly VITE_PASSKEYS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** VITE_API_MOCKING resolved by vite.config.ts: replaced by `true` or `false` at build time. */
declare const __GATEHOUSE_API_MOCKING__: boolean;

/** VITE_API_URL validated and normalised by vite.config.ts (no trailing slash; '' for same origin). */
declare const __GATEHOUSE_API_URL__: string;

/** VITE_API_PROFILE, validated by vite.config.ts. */
declare const __GATEHOUSE_API_PROFILE__: import('./backends/vocabulary').ApiProfile;

/** VITE_LOGIN_IDENTIFIER, validated by vite.config.ts: `"username"` or `"email"`. */
declare const __GATEHOUSE_LOGIN_IDENTIFIER__: 'username' | 'email';

/** VITE_SIGNUP resolved by vite.config.ts (default true). */
declare const __GATEHOUSE_SIGNUP__: boolean;

/** VITE_PASSWORD_RESET resolved by vite.config.ts (default true where the profile has the routes). */
declare const __GATEHOUSE_PASSWORD_RESET__: boolean;

/** VITE_API_LOGOUT resolved by vite.config.ts (default false). */
declare const __GATEHOUSE_API_LOGOUT__: boolean;

/** VITE_TOKEN_STORAGE, validated by vite.config.ts: `"localStorage"` (default) or `"cookie"`. */
declare const __GATEHOUSE_TOKEN_STORAGE__: import('./config/env-rules').TokenStorage;

/** VITE_TWO_FACTOR resolved by vite.config.ts (default false). */
declare const __GATEHOUSE_TWO_FACTOR__: boolean;

/** VITE_PASSKEYS resolved by vite.config.ts (default false). */
declare const __GATEHOUSE_PASSKEYS__: boolean;
