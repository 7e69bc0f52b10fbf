import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations, readWithoutTokens } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

async function openPalette(page: Page) {
  await page.keyboard.press('ControlOrMeta+K')
  const dialog = page.getByTestId('palette-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('palette-input')).toBeFocused()
  return dialog
}

test('⌘K finds a tenant by part of its name and goes there, by keyboard only; the jump is remembered', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await expect(page.getByTestId('palette-open')).toHaveAttribute('data-ready', 'true')

  const dialog = await openPalette(page)
  const input = page.getByTestId('palette-input')
  // "Contab" is in Acme Contabilidade's name, not in its identifier.
  await input.pressSequentially('contab')
  const option = dialog.getByTestId('palette-option-tenant-acme')
  await expect(option).toBeVisible()
  await expect(dialog.getByTestId('palette-group-tenants')).toHaveAttribute('role', 'group')
  await expect(page.getByTestId('palette-status')).toHaveText(/^\d+ results?$|^One result$/)
  // The combobox points at the active option; arrows move it and wrap.
  const optionId = await option.getAttribute('id')
  await expect(input).toHaveAttribute('aria-activedescendant', optionId!)
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowDown')
  await expect(input).toHaveAttribute('aria-activedescendant', optionId!)

  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${STACK.appUrl}/tenants/acme`)
  await expect(dialog).toBeHidden()

  // Reopened with nothing typed, it offers the recent jump first; Escape closes and gives focus back.
  await page.getByTestId('palette-open').focus()
  await openPalette(page)
  await expect(dialog.getByTestId('palette-group-recent')).toContainText('Acme Contabilidade')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('palette-open')).toBeFocused()

  // The header button opens it too; a person is found by part of an e-mail, a partner by part of a name.
  await page.getByTestId('palette-open').click()
  await input.pressSequentially('nimbus')
  await expect(dialog.getByTestId('palette-option-partner-nimbus')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${STACK.appUrl}/partners/nimbus`)
})

test('the search answer carries names and identifiers, never a token', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  const { status, body } = await readWithoutTokens(page.request, '/api/search?q=a')
  expect(status).toBe(200)
  const result = JSON.parse(body) as { tenants: { slug: string }[], partners: unknown[], users: { email: string }[], unavailable: string[] }
  expect(result.tenants.map(tenant => tenant.slug)).toContain('acme')
  expect(result.tenants.length).toBeLessThanOrEqual(5)
  expect(result.users.length).toBeGreaterThan(0)
  expect(result.unavailable).toEqual([])
  expect(Object.keys(result.users[0]!).sort()).toEqual(['email', 'id', 'name'])
  // Bad input is the client's fault (400), never a 5xx.
  expect((await page.request.get('/api/search')).status()).toBe(400)
  expect((await page.request.get(`/api/search?q=${'x'.repeat(101)}`)).status()).toBe(400)
})
