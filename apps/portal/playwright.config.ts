import { defineConfig } from '@playwright/test'
import { PORTAL_ENV, PORTAL_URL } from './e2e/support/stack'

// Debian's Chromium (apt-get install chromium); Playwright's own browser download needs the internet.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

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
    baseURL: PORTAL_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  // The built server, as production runs it (`pnpm test` builds first).
  webServer: {
    command: 'node .output/server/index.mjs',
    // Answers 401 without a session, which Playwright counts as up.
    url: `${PORTAL_URL}/api/_auth/session`,
    env: PORTAL_ENV,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
