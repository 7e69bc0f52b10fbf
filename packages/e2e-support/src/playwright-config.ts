import type { PlaywrightTestConfig } from '@playwright/test'
import type { StackLayout } from './stack-layout'
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium'

/**
 * The Playwright config both apps use: the suite in `./e2e` against the built server, as production runs
 * it (`pnpm test` builds first), with the stack from `./e2e/global-setup.ts`. One retry, traces kept on
 * failure, never a retry loop that hides a flake. A layout with a control port has the stack run the
 * server (so specs can restart it); otherwise Playwright's `webServer` does.
 */
export function appPlaywrightConfig(stack: StackLayout): PlaywrightTestConfig {
  return {
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
      baseURL: stack.appUrl,
      locale: 'en-US',
      trace: 'retain-on-failure',
      launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    },
    webServer: stack.ports.control !== undefined
      ? undefined
      : {
          command: 'node .output/server/index.mjs',
          // Answers 401 without a session, which Playwright counts as up.
          url: `${stack.appUrl}/api/_auth/session`,
          env: stack.appEnv,
          reuseExistingServer: false,
          timeout: 30_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
  }
}
