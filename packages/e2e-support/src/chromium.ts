import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium (`apt-get install chromium`): Playwright's own browser download needs the internet.
 * Without the background-networking flags Chromium keeps calling home and floods a closed network.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
