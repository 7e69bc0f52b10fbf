import { CHROMIUM_LAUNCH_OPTIONS } from '@dezky/e2e-support'
import { defineConfig } from '@playwright/test'
import { STACK } from './e2e/support/stack'

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 1,
  workers: 1,
  reporter: [
    ['list'],
  ],
  use: {
    baseURL: STACK.appUrl,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  // The built server, as production runs it (`pnpm test` builds first).
  webServer: {
    command: 'node .output/server/index.mjs',
    // Answers 401 without a session, which Playwright counts as up.
    url: `${STACK.appUrl}/api/_auth/session`,
    env: STACK.appEnv,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
