/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_URL?: string;
  readonly VITE_API_MOCKING?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** VITE_API_MOCKING resolved by vite.config.ts: replaced by `true` or `false` at build time. */
declare const __GATEHOUSE_API_MOCKING__: boolean;

/** VITE_API_URL validated and normalised by vite.config.ts (no trailing slash; '' for same origin). */
declare const __GATEHOUSE_API_URL__: string;
