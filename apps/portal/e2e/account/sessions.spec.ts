import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

test('the account page lists the user\'s active sessions, and signing out the others ends them', async ({ browser, page }) => {
  const home = `/t/${SEED_TENANT.slug}`
  await signIn(page, TENANT_OWNER, home)
  // A second browser of the same person: its own cookies, its own session.
  const other = await browser.newContext()
  try {
    const otherPage = await other.newPage()
    await signIn(otherPage, TENANT_OWNER, home)

    await page.goto('/account')
    const sessions = page.getByTestId('account-sessions')
    // Earlier specs signed this person in too: at least these two sessions, exactly one of them this one.
    await expect(sessions.getByTestId('session-1')).toBeVisible()
    await expect(sessions.getByTestId('session-2')).toBeVisible()
    await expect(sessions.getByTestId('session-current')).toHaveCount(1)

    await sessions.getByTestId('sessions-sign-out-others').click()
    await page.getByTestId('confirm-accept').click()
    await expect(sessions.getByTestId('session-2')).toHaveCount(0)

    expect((await otherPage.request.get('/api/me')).status()).toBe(401)
    expect((await page.request.get('/api/me')).status()).toBe(200)
  }
  finally {
    await other.close()
  }
})
