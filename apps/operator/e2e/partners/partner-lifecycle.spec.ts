import { collectAppErrors, expectNoSeriousA11yViolations, JWT_SHAPED, readWithoutTokens } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

// A tenant sold directly, attached to the new partner and detached again, so it ends as it started.
const DIRECT = SEED_TENANTS.find(tenant => !tenant.partnerSlug)!
// Dark enough for white text and for links on white (WCAG AA), so the axe check holds with it too.
const TEAL = '#0f766e'

test('a super admin creates a partner, brands it, attaches a direct tenant and detaches it, and the audit log shows the diff', async ({ page }) => {
  expect(DIRECT, 'the seed needs a direct tenant').toBeDefined()
  const errors = collectAppErrors(page, STACK.appUrl)
  const id = Date.now().toString(36)
  const name = `Cirrus Revenda ${id}`
  const slug = `cirrus-revenda-${id}`

  await signIn(page, SUPER_ADMIN)
  await page.getByTestId('nav-partners').click()
  await expect(page).toHaveURL(url => url.pathname === '/partners')
  await expectNoSeriousA11yViolations(page)
  await page.getByTestId('new-partner').click()

  // zod's messages, in the browser, before anything is sent.
  const form = page.getByTestId('partner-create-form')
  await form.getByTestId('partner-create-submit').click()
  await expect(form.getByTestId('partner-name-error')).toBeVisible()
  await expect(form.getByTestId('partner-slug-error')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await form.getByTestId('partner-name').fill(name)
  await expect(form.getByTestId('partner-slug')).toHaveValue(slug)
  await form.getByTestId('partner-create-submit').click()
  await expect(page).toHaveURL(url => url.pathname === `/partners/${slug}`)
  await expect(page.getByTestId('partner-title')).toHaveText(name)

  // Branding: the preview follows the typing, a mid grey is warned about, a dark teal is not.
  const branding = page.getByTestId('branding-form')
  await branding.getByTestId('brand-product-name').fill(`Cirrus Workspace ${id}`)
  await expect(page.getByTestId('brand-preview-name')).toHaveText(`Cirrus Workspace ${id}`)
  await branding.getByTestId('brand-primary-color').fill('#808080')
  await expect(branding.getByTestId('contrast-warning')).toBeVisible()
  await branding.getByTestId('brand-primary-color').fill(TEAL)
  await expect(branding.getByTestId('contrast-warning')).toHaveCount(0)
  await branding.getByTestId('branding-save').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'The branding was saved.' })).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('branding-form').getByTestId('brand-primary-color')).toHaveValue(TEAL)
  await expect(page.getByTestId('branding-form').getByTestId('brand-product-name')).toHaveValue(`Cirrus Workspace ${id}`)

  // Attach the direct tenant, found by part of its name.
  await page.getByTestId('attach-search').fill(DIRECT.name.slice(0, 5))
  await page.getByTestId(`attach-${DIRECT.slug}`).click()
  const row = page.getByTestId(`customer-${DIRECT.slug}`)
  await expect(row).toContainText(DIRECT.name)
  await expect(row.getByTestId(`tenant-status-active`).or(row.getByTestId('tenant-status-provisioning'))).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  // Detach it: a typed confirmation first.
  await row.getByTestId(`detach-${DIRECT.slug}`).click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog.getByTestId('confirm-accept')).toBeDisabled()
  await dialog.getByTestId('confirm-input').fill(DIRECT.slug)
  await dialog.getByTestId('confirm-accept').click()
  await expect(page.getByTestId(`customer-${DIRECT.slug}`)).toHaveCount(0)
  await expect(page.getByTestId('customer-table')).toContainText(/No customers yet/)

  // The audit log has both changes of the tenant's partner, newest first, with the field's diff.
  await page.getByTestId('nav-audit').click()
  await page.getByTestId('audit-filter-action').fill('tenant.*')
  await page.getByTestId('audit-filter-tenant').fill(DIRECT.slug)
  await page.getByTestId('audit-filter-apply').click()
  await expect(page).toHaveURL(url => url.searchParams.get('action') === 'tenant.*' && url.searchParams.get('tenant') === DIRECT.slug)
  const entries = page.getByTestId('audit-list').locator('> li')
  await expect(entries.first()).toHaveAttribute('data-action', 'tenant.detach_partner')
  await expect(entries.nth(1)).toHaveAttribute('data-action', 'tenant.attach_partner')
  const detached = entries.first()
  await detached.getByTestId('audit-toggle').click()
  await expect(detached.getByTestId('audit-toggle')).toHaveAttribute('aria-expanded', 'true')
  const change = detached.getByTestId('audit-diff-partnerSlug')
  await expect(change.getByTestId('audit-diff-before')).toHaveText(slug)
  await expect(change.getByTestId('audit-diff-after')).toHaveText('(none)')
  await expectNoSeriousA11yViolations(page)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  for (const path of [
    '/api/partners',
    `/api/partners/${slug}`,
    `/api/partners/${slug}/customers`,
    `/api/partners/tenant-search?q=${encodeURIComponent(DIRECT.slug)}`,
    `/api/audit?tenant=${DIRECT.slug}`,
    '/api/audit/verify',
  ]) {
    const answer = await readWithoutTokens(page.request, path)
    expect(answer.status, path).toBe(200)
  }
  expect(errors).toEqual([])
})
