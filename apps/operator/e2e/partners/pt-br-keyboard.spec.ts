import { expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_PARTNERS, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

const PARTNER = SEED_PARTNERS[0]!

test.use({ locale: 'pt-BR' })

test('partners and the audit log speak Portuguese to a pt-BR browser and work from the keyboard', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/partners')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parceiros')
  await expect(page.getByTestId('new-partner')).toHaveText('Novo parceiro')

  await page.goto(`/partners/${PARTNER.slug}`)
  await expect(page.getByRole('heading', { name: 'Identidade visual' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Clientes' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.goto('/audit')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registro de auditoria')
  // An entry opens and closes from the keyboard, and says so to assistive technology.
  const toggle = page.getByTestId('audit-list').locator('> li').first().getByTestId('audit-toggle')
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByTestId('audit-diff').first()).toBeVisible()
  await expect(page.getByTestId('audit-diff').first()).toContainText('Antes')
  await page.keyboard.press('Space')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')

  // The filters submit with Enter from any field.
  await page.getByTestId('audit-filter-action').fill('partner.*')
  await page.getByTestId('audit-filter-action').press('Enter')
  await expect(page).toHaveURL(url => url.searchParams.get('action') === 'partner.*')
  await expect(page.locator('[data-testid^="audit-entry-"]:not([data-action^="partner."])')).toHaveCount(0)
  await page.getByTestId('audit-verify').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('audit-verify-result')).toContainText('A cadeia está íntegra')
  await expectNoSeriousA11yViolations(page)
})
