import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const INTERVAL_MS = Number(STACK.apiEnv.PROBE_INTERVAL_SECONDS) * 1000

function twinFaults(twin: 'stalwart' | 'ocis') {
  return `http://127.0.0.1:${STACK.ports.twins![twin]}/__twin/faults`
}

async function setFaults(twin: 'stalwart' | 'ocis', faults: Record<string, unknown> | null) {
  const answer = faults
    ? await fetch(twinFaults(twin), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faults),
      })
    : await fetch(twinFaults(twin), { method: 'DELETE' })
  expect(answer.ok).toBe(true)
}

async function signedInAndListening(page: Page) {
  await signIn(page, SUPER_ADMIN)
  // The bell's stream is connected before anything is made to fail: what happens before it is not news.
  await expect(page.getByTestId('notifications-open')).toHaveAttribute('data-live', 'true')
  await expect(page.getByTestId('notifications-unread')).toHaveCount(0)
}

test('a probe made to fail shows up live: a toast while the drawer is shut, then in the drawer with a link to its page', async ({ page }) => {
  test.setTimeout(2 * INTERVAL_MS + 60_000)
  await signedInAndListening(page)
  try {
    // Stalwart's health answers fail, mail keeps working: nothing else in the suite is disturbed.
    await setFaults('stalwart', {
      errorRate: 1,
      errorStatus: 503,
      paths: ['/healthz/'],
    })
    await expect(page.getByTestId('toast-error')).toContainText('Stalwart (mail) is down.', { timeout: INTERVAL_MS + 5_000 })
    await expect(page.getByTestId('notifications-unread')).toHaveAttribute('data-count', /[1-9]/)
  }
  finally {
    await setFaults('stalwart', null)
  }

  // Keyboard: the bell opens the drawer, focus goes in, Escape brings it back to the bell.
  await page.getByTestId('notifications-open').focus()
  await page.keyboard.press('Enter')
  const drawer = page.getByTestId('notifications-drawer')
  await expect(drawer).toBeVisible()
  await expect(page.getByTestId('notifications-close')).toBeFocused()
  const down = drawer.locator('[data-testid="notification"][data-type="probe.changed"][data-read="false"]').filter({ hasText: 'Stalwart (mail) is down.' })
  await expect(down).toBeVisible()
  await expect(down).toContainText('503')
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(page.getByTestId('notifications-open')).toBeFocused()

  // Recovery arrives in the drawer too (no toast for good news); following an entry marks it read.
  await page.getByTestId('notifications-open').click()
  await expect(drawer.locator('[data-testid="notification"]').filter({ hasText: 'Stalwart (mail) is back up.' })).toBeVisible({ timeout: INTERVAL_MS + 5_000 })
  await down.getByTestId('notification-link').click()
  await expect(page).toHaveURL(`${STACK.appUrl}/infrastructure/stalwart`)
  await expect(drawer).toBeHidden()
  await page.getByTestId('notifications-open').click()
  await expect(drawer.locator('[data-testid="notification"][data-read="true"]').filter({ hasText: 'Stalwart (mail) is down.' })).toBeVisible()
  await drawer.getByTestId('notifications-mark-all').click()
  await expect(page.getByTestId('notifications-unread')).toHaveCount(0)
})

test('a provisioning step that fails against a faulty twin appears in the drawer, linked to the tenant\'s Provisioning tab', async ({ page }) => {
  test.setTimeout(90_000)
  await signedInAndListening(page)
  await page.getByTestId('notifications-open').click()
  const drawer = page.getByTestId('notifications-drawer')
  await expect(drawer).toBeVisible()
  const failure = drawer.locator('[data-testid="notification"][data-type="provisioning.failed"]').filter({ hasText: 'Files failed for initech' }).first()
  try {
    await setFaults('ocis', { errorRate: 1, errorStatus: 503 })
    const retry = await page.request.post('/api/tenants/initech/provisioning/files/retry')
    expect(retry.status()).toBe(202)
    await expect(failure).toBeVisible({ timeout: 20_000 })
    await expect(failure).toContainText('503')
    // Open, so no toast: the drawer already shows it.
    await expect(page.getByTestId('toast-error')).toHaveCount(0)
  }
  finally {
    await setFaults('ocis', null)
    // Leave the tenant as it was for the rest of the suite.
    await page.request.post('/api/tenants/initech/provisioning/files/retry')
  }
  await failure.getByTestId('notification-link').click()
  await expect(page).toHaveURL(`${STACK.appUrl}/tenants/initech/provisioning`)
})
