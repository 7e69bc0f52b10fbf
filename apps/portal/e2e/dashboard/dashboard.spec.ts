import type { TTenantUsage } from '@dezky/contracts'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

const DASHBOARD = `/t/${SEED_TENANT.slug}`
/** What the reconciler provisions for every tenant; the seeded one converges within seconds. */
const STEPS = ['identity', 'mail', 'files']

test('the dashboard shows live provisioning per service, plan and usage from the API, and recent activity', async ({ page }) => {
  await signIn(page, TENANT_OWNER, DASHBOARD)

  await expect(page.getByTestId('live-indicator')).toBeVisible()
  for (const step of STEPS)
    await expect(page.getByTestId(`provisioning-${step}`)).toHaveAttribute('data-status', 'ok', { timeout: 30_000 })

  const usage = await (await page.request.get(`/api/tenants/${SEED_TENANT.slug}/usage`)).json() as TTenantUsage
  await expect(page.getByTestId('usage-users')).toContainText(String(usage.users.active))
  await expect(page.getByTestId('usage-storage')).toBeVisible()
  // Creating the tenant and its members wrote audit entries: the feed is not empty.
  await expect(page.getByTestId('activity').getByRole('listitem').first()).toBeVisible()
})
