/**
 * The names every layer shares about backends: which frameworks Gatehouse speaks to, and what a
 * person logs in with. Plain constants, so that vite.config.ts, the app and the mock agree.
 * A profile is a backend's name, as VITE_API_PROFILE gives it; its dialect (api-dialect.ts) is
 * what the app knows of how that backend speaks, and its mock how the mock API imitates it.
 */
export const API_PROFILES = ['flask-jwt-extended', 'fastapi', 'simplejwt'] as const;
/** The backend's dialect: which framework the API is written with (VITE_API_PROFILE). */
export type ApiProfile = (typeof API_PROFILES)[number];

export const isApiProfile = (value: unknown): value is ApiProfile =>
  API_PROFILES.some((profile) => profile === value);

export const LOGIN_IDENTIFIERS = ['username', 'email'] as const;
/** What a person logs in with: the tutorial's username, or the course project's email. */
export type LoginIdentifier = (typeof LOGIN_IDENTIFIERS)[number];
