import type { Page } from '@playwright/test'
import { demoUserInGroup, expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

const OPS_LEAD = demoUserInGroup('operator:ops_lead')

function row(page: Page, email: string) {
  return page.locator(`[data-testid="team-table"] tr[data-email="${email}"]`)
}

async function confirmDialog(page: Page, typed?: string) {
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toBeVisible()
  if (typed !== undefined)
    await dialog.getByTestId('confirm-input').fill(typed)
  await dialog.getByTestId('confirm-accept').click()
  await expect(dialog).toBeHidden()
}

test('a super admin adds an operator, changes their role and takes them off the team', async ({ page }) => {
  const email = `rita.${Date.now()}@dezky.test`
  await signIn(page, SUPER_ADMIN)
  await page.goto('/team')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operator team')
  await expect(row(page, SUPER_ADMIN.email)).toContainText('(you)')
  await expect(row(page, SUPER_ADMIN.email).getByTestId('operator-role-select')).toHaveCount(0)

  // The shared contract validates in the browser before anything is sent.
  await page.getByTestId('add-operator-email').fill('not-an-address')
  await page.getByTestId('add-operator-submit').click()
  await expect(page.getByTestId('add-operator-name-error')).toBeVisible()
  await expect(page.getByTestId('add-operator-email-error')).toBeVisible()
  await expect(page.getByTestId('add-operator-email')).toHaveAttribute('aria-invalid', 'true')

  await page.getByTestId('add-operator-name').fill('Rita Prado')
  await page.getByTestId('add-operator-email').fill(email)
  await page.getByTestId('add-operator-role').selectOption('technician')
  await page.getByTestId('add-operator-submit').click()
  await expect(page.getByTestId('toast-success')).toContainText(`${email} is now on the team as Technician`)
  const added = row(page, email)
  await expect(added).toHaveAttribute('data-role', 'technician')
  await expect(added).toContainText('Rita Prado')
  await expect(added.getByTestId('operator-created-by-dezky')).toBeVisible()
  await expect(added.getByTestId('operator-dezky')).toHaveAttribute('data-signed-in', 'false')
  await expectNoSeriousA11yViolations(page)

  // Adding the same person again is a conflict, said in words.
  await page.getByTestId('add-operator-name').fill('Rita Prado')
  await page.getByTestId('add-operator-email').fill(email)
  await page.getByTestId('add-operator-submit').click()
  await expect(page.getByTestId('toast-error')).toContainText('is already an operator')

  await added.getByTestId('operator-role-select').selectOption('ops_lead')
  await confirmDialog(page)
  await expect(page.getByTestId('toast-success').last()).toContainText('Rita Prado is now Operations lead')
  await expect(added).toHaveAttribute('data-role', 'ops_lead')

  await added.getByTestId('operator-remove').click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog.getByTestId('confirm-accept')).toBeDisabled()
  await confirmDialog(page, email)
  await expect(added).toHaveCount(0)
  expect(await page.content()).not.toMatch(JWT_SHAPED)
})

test('the last active super admin cannot be demoted, and the console says why', async ({ page, browser }) => {
  test.setTimeout(60_000)
  await signIn(page, SUPER_ADMIN)
  const opsLeadContext = await browser.newContext()
  const other = await opsLeadContext.newPage()
  try {
    await page.goto('/team')
    // Otávio becomes a second super admin, then demotes Ana: her session still holds the role its token
    // was issued with, but in Authentik Otávio is now the team's only super admin.
    await row(page, OPS_LEAD.email).getByTestId('operator-role-select').selectOption('super_admin')
    await confirmDialog(page)
    await expect(row(page, OPS_LEAD.email)).toHaveAttribute('data-role', 'super_admin')

    await signIn(other, OPS_LEAD)
    await other.goto('/team')
    await row(other, SUPER_ADMIN.email).getByTestId('operator-role-select').selectOption('ops_lead')
    await confirmDialog(other)
    await expect(row(other, SUPER_ADMIN.email)).toHaveAttribute('data-role', 'ops_lead')

    await page.reload()
    await row(page, OPS_LEAD.email).getByTestId('operator-role-select').selectOption('technician')
    await confirmDialog(page)
    await expect(page.getByTestId('toast-error')).toHaveText(/The team needs at least one active super admin: make someone else super admin first\./)
    await expect(row(page, OPS_LEAD.email)).toHaveAttribute('data-role', 'super_admin')
  }
  finally {
    // Put the demo team back as every other spec expects it: Ana super admin, Otávio operations lead.
    const restore = await other.request.patch(`/api/operators/${SUPER_ADMIN.subject}`, {
      data: { role: 'super_admin' },
    })
    expect([200, 401]).toContain(restore.status())
    const back = await page.request.patch(`/api/operators/${OPS_LEAD.subject}`, {
      data: { role: 'ops_lead' },
    })
    expect(back.status()).toBe(200)
    await opsLeadContext.close()
  }
})
