import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

test('an owner creates a user, who is shown provisioned once the reconciler made their accounts', async ({ page }) => {
  // A fresh address per attempt, so a retry never meets the user the first attempt created.
  const email = `nova.${Date.now().toString(36)}@${SEED_TENANT.domains[0]}`
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
  await page.goto(`/t/${SEED_TENANT.slug}/users`)

  const form = page.getByTestId('invite-user')
  await form.getByLabel(/e-?mail/i).fill(email)
  await form.getByLabel(/name/i).fill('Nova Pessoa')
  await form.locator('button[type="submit"]').click()

  const row = page.getByTestId(`user-${email}`)
  await expect(row).toBeVisible()
  await expect(row).toContainText('Nova Pessoa')
  await expect(row).toHaveAttribute('data-provisioning', 'ready', { timeout: 30_000 })
})
