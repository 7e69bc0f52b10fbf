import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { NOC, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

async function signInWithPalette(page: Page, user: typeof SUPER_ADMIN) {
  await signIn(page, user)
  await expect(page.getByTestId('palette-open')).toHaveAttribute('data-ready', 'true')
}

test('"reconcile acme" is suggested as it is typed, asks, runs and says so', async ({ page }) => {
  await signInWithPalette(page, SUPER_ADMIN)
  await page.keyboard.press('ControlOrMeta+K')
  const dialog = page.getByTestId('palette-dialog')
  const input = page.getByTestId('palette-input')
  await expect(input).toBeFocused()

  // A partly typed verb is offered; taking it fills the command in.
  await input.pressSequentially('reco')
  await expect(dialog.getByTestId('palette-option-verb-reconcile')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(input).toHaveValue('reconcile ')
  await input.pressSequentially('acm')
  const action = dialog.getByTestId('palette-option-action-reconcile-acme')
  await expect(action).toContainText('Reconcile Acme Contabilidade')
  await expect(action).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')

  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('Reconcile acme now?')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toast-success')).toContainText('acme: every step is due now')
})

test('"suspender initech" in Portuguese asks for a reason and the typed identifier, then "retomar initech" resumes it', async ({ page }) => {
  await signInWithPalette(page, SUPER_ADMIN)
  for (const [command, action] of [
    ['suspender initech', 'suspend'],
    ['retomar initech', 'resume'],
  ] as const) {
    await page.getByTestId('palette-open').click()
    const dialog = page.getByTestId('palette-dialog')
    await page.getByTestId('palette-input').pressSequentially(command)
    await expect(dialog.getByTestId(`palette-option-action-${action}-initech`)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    // The Danger tab's own form, in the palette: the reason first, focused.
    const form = dialog.getByTestId(`lifecycle-${action}`)
    await expect(form.getByTestId(`${action}-reason`)).toBeFocused()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.type(`${action} from the palette`)
    await page.keyboard.press('Enter')
    const confirm = page.getByTestId('confirm-dialog')
    await expect(confirm.getByTestId('confirm-input')).toBeFocused()
    await expect(confirm.getByTestId('confirm-accept')).toBeDisabled()
    await page.keyboard.type('initech')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('toast-success').last()).toBeVisible()
    await expect(dialog).toBeHidden()
    await page.goto('/tenants/initech')
    await expect(page.getByTestId('tenant-status')).toHaveAttribute('data-status', action === 'suspend'
      ? 'suspended'
      : /provisioning|active/)
  }
})

test('a NOC operator is offered places to go but no command that changes anything', async ({ page }) => {
  await signInWithPalette(page, NOC)
  await page.keyboard.press('ControlOrMeta+K')
  const dialog = page.getByTestId('palette-dialog')
  const input = page.getByTestId('palette-input')
  let answered = page.waitForResponse(response => response.url().includes('/api/search?'))
  await input.pressSequentially('re')
  await answered
  await expect(page.getByTestId('palette-status')).not.toHaveText('Searching…')
  await expect(dialog.locator('[data-testid^="palette-option-verb-"]')).toHaveCount(0)

  for (const command of [
    'reconcile acme',
    'suspend acme',
    'retry acme mail',
    'retomar acme',
  ]) {
    answered = page.waitForResponse(response => response.url().includes('/api/search?'))
    await input.fill(command)
    await answered
    await expect(page.getByTestId('palette-status')).not.toHaveText('Searching…')
    await expect(dialog.locator('[data-testid^="palette-option-action-"]')).toHaveCount(0)
    await expect(dialog.getByTestId('palette-group-actions')).toHaveCount(0)
  }
  // The same words without a verb still find the tenant to look at.
  await input.fill('acme')
  await expect(dialog.getByTestId('palette-option-tenant-acme')).toBeVisible()
  await expect(dialog.locator('[data-testid^="palette-option-action-"]')).toHaveCount(0)
})
