import { expect, test } from '@playwright/test'
import { DIRECT_TENANT, OTHER_TENANT, PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT } from '../support/demo'
import { signIn } from '../support/sign-in'

const PARTNER_HOME = `/p/${SEED_PARTNER.slug}`
const STEPS = ['identity', 'mail', 'files']

test('a partner sees only its customers, creates one, watches it provision live and finds it active in the list', async ({ page }) => {
  // A fresh customer per attempt, so a retry never meets the one the first attempt created.
  const suffix = Date.now().toString(36)
  const slug = `padaria-${suffix}`
  await signIn(page, PARTNER_ADMIN, PARTNER_HOME)

  await expect(page.getByTestId(`customer-${SEED_TENANT.slug}`)).toContainText(SEED_TENANT.name)
  await expect(page.getByTestId(`customer-${OTHER_TENANT.slug}`)).toContainText(OTHER_TENANT.name)
  await expect(page.getByTestId(`customer-${DIRECT_TENANT.slug}`)).toHaveCount(0)

  await page.getByTestId('new-customer').click()
  await expect(page).toHaveURL(url => url.pathname === `${PARTNER_HOME}/customers/new`)
  const form = page.getByTestId('create-customer')
  await form.getByTestId('customer-name').fill(`Padaria Pão Quente ${suffix}`)
  await form.getByTestId('customer-slug').fill(slug)
  await form.getByTestId('customer-domain').fill(`${slug}.test`)
  await form.getByTestId('owner-name').fill('Carla Mendes')
  await form.getByTestId('owner-email').fill(`carla@${slug}.test`)
  await form.getByTestId('create-customer-submit').click()

  // The customer's dashboard follows the reconciler live (SSE): no reload until it is active.
  await expect(page).toHaveURL(url => url.pathname === `/t/${slug}`)
  for (const step of STEPS)
    await expect(page.getByTestId(`provisioning-${step}`)).toHaveAttribute('data-status', 'ok', { timeout: 30_000 })
  await expect(page.getByTestId('tenant-status')).toHaveAttribute('data-status', 'active')

  await page.goto(PARTNER_HOME)
  const row = page.getByTestId(`customer-${slug}`)
  await expect(row).toContainText(`Padaria Pão Quente ${suffix}`)
  await expect(row.getByTestId('customer-health')).toHaveAttribute('data-health', 'ok')
  await expect(row.getByTestId('tenant-status-active')).toBeVisible()
})
