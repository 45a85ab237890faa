import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** `npm run screenshots`: the e2e setup (browser, server), pointed at the screenshot script. */
export default defineConfig({
  ...base,
  testDir: '.',
  reporter: [['list']],
});
