import { demoUserInGroup, expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

const TENANT_MEMBER = demoUserInGroup(`tenant:${SEED_TENANT.slug}:member`)
const DASHBOARD = `/t/${SEED_TENANT.slug}`
const BRANDING = `${DASHBOARD}/branding`
// Dark enough for white text and for links on white (WCAG AA), so the axe check holds with it too.
const TEAL = '#0f766e'

test('a tenant owner sets a primary colour, the dashboard shows it, and going back to the partner\'s removes it', async ({ page }) => {
  const primaryOnHtml = () => page.evaluate(() => document.documentElement.style.getPropertyValue('--dz-primary').trim())
  await signIn(page, TENANT_OWNER, DASHBOARD)
  await page.getByTestId('nav-tenant-branding').click()
  await expect(page).toHaveURL(url => url.pathname === BRANDING)

  const form = page.getByTestId('tenant-branding-form')
  await expect(form.getByTestId('brand-primary-color-reset')).toHaveCount(0)
  await form.getByTestId('brand-primary-color').fill(TEAL)
  await expectNoSeriousA11yViolations(page)
  await form.getByTestId('branding-save').click()
  await expect.poll(primaryOnHtml).toBe(TEAL)

  // A fresh server render of the dashboard, not the client's kept brand.
  await page.goto(DASHBOARD)
  await expect.poll(primaryOnHtml).toBe(TEAL)

  // Back to what the partner (here: nobody) chose, so other suites see the default brand.
  await page.goto(BRANDING)
  await page.getByTestId('tenant-branding-form').getByTestId('brand-primary-color-reset').click()
  await expect(page.getByTestId('tenant-branding-form').getByTestId('brand-primary-color')).toHaveValue('')
  await page.getByTestId('tenant-branding-form').getByTestId('branding-save').click()
  await expect.poll(primaryOnHtml).not.toBe(TEAL)
  await page.goto(DASHBOARD)
  await expect.poll(primaryOnHtml).not.toBe(TEAL)
})

test('a member without the right sees the page, and saving says only owners and admins can change the branding', async ({ page }) => {
  await signIn(page, TENANT_MEMBER, DASHBOARD)
  await page.goto(BRANDING)
  const form = page.getByTestId('tenant-branding-form')
  await form.getByTestId('brand-primary-color').fill(TEAL)
  await form.getByTestId('branding-save').click()

  const refused = page.getByTestId('tenant-branding-refused')
  await expect(refused).toContainText(/owners and admins|proprietários e administradores/)
  await expect(page.getByTestId('tenant-branding-form')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)
})
