import type { Page } from '@playwright/test'
import { DEV_AUTHENTIK_API_TOKEN } from '@dezky/twins'
import { expect, test } from '@playwright/test'
import { SUPER_ADMIN, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

// Seeded with the tenant's demo members, whom the IdP twin's groups name (packages/e2e-support).
const TENANT = 'acme'
// The reconciler turns the tenant's people off and on in Authentik within a few seconds.
const RECONCILE_TIMEOUT = 20_000

/** `is_active` of a person as the Authentik twin's admin API reports it (what the reconciler wrote). */
async function authentikActive(email: string): Promise<boolean | undefined> {
  const response = await fetch(`${STACK.idpIssuer}/api/v3/core/users/?email=${encodeURIComponent(email)}`, {
    headers: { authorization: `Bearer ${DEV_AUTHENTIK_API_TOKEN}` },
  })
  expect(response.status).toBe(200)
  const body = await response.json() as { results: { email: string, is_active: boolean }[] }
  return body.results.find(user => user.email === email)?.is_active
}

async function changeStatus(page: Page, action: 'suspend' | 'resume', reason: string) {
  const section = page.getByTestId(`lifecycle-${action}`)
  // A reason is required before anything is asked.
  await section.getByTestId(`${action}-submit`).click()
  await expect(section.getByTestId(`${action}-reason-error`)).toBeVisible()
  await expect(page.getByTestId('confirm-dialog')).toBeHidden()

  await section.getByTestId(`${action}-reason`).fill(reason)
  await section.getByTestId(`${action}-submit`).click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toBeVisible()
  // The typed confirmation: nothing happens until the slug is typed exactly.
  await expect(dialog.getByTestId('confirm-accept')).toBeDisabled()
  await dialog.getByTestId('confirm-input').fill('acm')
  await expect(dialog.getByTestId('confirm-accept')).toBeDisabled()
  await dialog.getByTestId('confirm-input').fill(TENANT)
  await dialog.getByTestId('confirm-accept').click()
  // An earlier action's toast may still be up: wait for this one's.
  await expect(page.getByTestId('toast-success').filter({
    hasText: action === 'suspend'
      ? `${TENANT} is suspended`
      : `${TENANT} is resuming`,
  })).toBeVisible()
}

// A run stopped half-way leaves the tenant suspended; the retry starts from an active tenant again.
test.afterEach(async ({ page }) => {
  const response = await page.request.get(`/api/tenants/${TENANT}`)
  if (response.ok() && (await response.json() as { status: string }).status === 'suspended') {
    await page.request.post(`/api/tenants/${TENANT}/resume`, {
      data: { reason: 'End-to-end test cleanup' },
    })
  }
})

test('a super admin suspends a tenant and its people are inactive in Authentik; resuming makes them active again', async ({ page }) => {
  test.setTimeout(90_000)
  await expect.poll(() => authentikActive(TENANT_OWNER.email), { timeout: RECONCILE_TIMEOUT }).toBe(true)

  await signIn(page, SUPER_ADMIN)
  await page.goto(`/tenants/${TENANT}`)
  // Keyboard: the tablist moves with the arrow keys, and each tab is its own URL.
  await page.getByTestId('tab-overview').focus()
  await page.keyboard.press('End')
  await expect(page).toHaveURL(`${STACK.appUrl}/tenants/${TENANT}/danger`)
  await expect(page.getByTestId('tab-danger')).toBeFocused()
  await expect(page.getByTestId('tab-danger')).toHaveAttribute('aria-selected', 'true')

  await changeStatus(page, 'suspend', 'Invoice 2026-11 unpaid')
  await expect(page.getByTestId('tenant-status')).toHaveAttribute('data-status', 'suspended')
  await expect.poll(() => authentikActive(TENANT_OWNER.email), { timeout: RECONCILE_TIMEOUT }).toBe(false)

  // The lifecycle change is in this tenant's audit (among the reconciler's upstream writes that
  // followed it), with its field-level diff.
  await page.getByTestId('tab-audit').click()
  const entry = page.locator('[data-testid^="audit-entry-"][data-action="tenant.suspend"]').first()
  await expect(entry).toContainText('tenant.suspend')
  await entry.getByTestId('audit-toggle').click()
  await expect(entry.getByTestId('audit-diff-status')).toContainText('suspended')

  await page.getByTestId('tab-danger').click()
  await changeStatus(page, 'resume', 'Invoice paid')
  await expect.poll(() => authentikActive(TENANT_OWNER.email), { timeout: RECONCILE_TIMEOUT }).toBe(true)
  await page.reload()
  await expect(page.getByTestId('tenant-status')).toHaveAttribute('data-status', /provisioning|active/)
})

test('the provisioning tab shows each step live and reconciles on demand', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto(`/tenants/${TENANT}/provisioning`)
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'true')
  for (const step of [
    'identity',
    'mail',
    'files',
    'onboarding',
  ])
    await expect(page.getByTestId(`step-${step}`)).toBeVisible()

  await page.getByTestId('reconcile-now').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Every step is due now' })).toBeVisible()
  // Every step was made due, and the live stream shows the reconciler bringing them back to rest.
  await expect(page.getByTestId('provisioning-summary')).toHaveAttribute('data-converged', 'true', { timeout: RECONCILE_TIMEOUT })
  await page.getByTestId('retry-mail').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Mail (Stalwart) is due now' })).toBeVisible()
  await expect(page.getByTestId('provisioning-summary')).toHaveAttribute('data-converged', 'true', { timeout: RECONCILE_TIMEOUT })
})
