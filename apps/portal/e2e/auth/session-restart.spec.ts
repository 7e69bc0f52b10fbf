import { stackControl } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const DASHBOARD = `/t/${SEED_TENANT.slug}`

test('a session survives a restart of the portal server', async ({ page }) => {
  await signIn(page, TENANT_OWNER, DASHBOARD)
  await expect(page.getByTestId('user-name')).toHaveText(TENANT_OWNER.name)

  // Same secrets and session storage, new process: nothing of the session lives in memory only.
  await stackControl(STACK).restartApp()

  await page.reload()
  await expect(page).toHaveURL(url => url.origin === STACK.appUrl && url.pathname === DASHBOARD)
  await expect(page.getByTestId('user-name')).toHaveText(TENANT_OWNER.name)
  await expect(page.getByRole('main')).toContainText(SEED_TENANT.name)
  const me = await page.request.get('/api/me')
  expect(me.status()).toBe(200)
  expect((await me.json()).user.email).toBe(TENANT_OWNER.email)
})
