import type { Page } from '@playwright/test'

/**
 * Script errors and console errors (CSP violations among them) logged while the page is on the app; the
 * IdP's pages are not the app's concern. Read the array at the end of the test: it should be empty.
 */
export function collectAppErrors(page: Page, appUrl: string): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && page.url().startsWith(appUrl))
      errors.push(message.text())
  })
  page.on('pageerror', error => errors.push(error.message))
  return errors
}
