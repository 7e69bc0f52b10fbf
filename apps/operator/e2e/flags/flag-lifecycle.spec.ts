import type { Page } from '@playwright/test'
import { collectAppErrors, demoUserInGroup, expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const OPS_LEAD = demoUserInGroup('operator:ops_lead')
// A tenant with a partner, so the Flags tab has every scope to explain.
const TENANT = SEED_TENANTS.find(tenant => tenant.partnerSlug)!
const ROLLOUT = 30

/** The tenant's Flags tab row for `key`: its value and the sentence that explains it. */
async function tenantSees(page: Page, key: string) {
  await page.goto(`/tenants/${TENANT.slug}/flags`)
  const row = page.getByTestId(`tenant-flag-${key}`)
  await expect(row).toBeVisible()
  return {
    value: await row.getAttribute('data-value'),
    why: (await row.getByTestId('tenant-flag-why').textContent())!.trim(),
  }
}

test('an ops lead creates a flag, rolls it out to 30 % per customer, overrides it for one customer and kills it, and every step is explained and recorded', async ({ page }) => {
  test.setTimeout(120_000)
  const errors = collectAppErrors(page, STACK.appUrl)
  const key = `e2e.rollout-${Date.now().toString(36)}`

  await signIn(page, OPS_LEAD)
  await page.getByTestId('nav-flags').click()
  await expect(page).toHaveURL(url => url.pathname === '/flags')
  await page.getByTestId('new-flag').click()
  const form = page.getByTestId('flag-create-form')
  // zod's message for a key the API would refuse, before anything is sent.
  await form.getByTestId('flag-key').fill('Not A Key')
  await form.getByTestId('flag-name').fill('Rollout under test')
  await form.getByTestId('flag-create-submit').click()
  await expect(form.getByTestId('flag-key-error')).toBeVisible()
  await form.getByTestId('flag-key').fill(key)
  await form.getByTestId('flag-tags').fill('e2e, rollout')
  await form.getByTestId('flag-create-submit').click()
  await expect(page).toHaveURL(url => url.pathname === `/flags/${key}`)
  await expect(page.getByTestId('flag-title')).toHaveText('Rollout under test')
  await expect(page.getByTestId('flag-env-development')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('flag-state-off')).toBeChecked()
  await expectNoSeriousA11yViolations(page)

  // Off: the tenant sees it off, and is told so.
  expect(await tenantSees(page, key)).toEqual({ value: 'false', why: 'Off for everyone in this environment.' })

  // Rollout to 30 %, kept together per customer: the tab gives the customer's bucket, and on or off
  // follows from it.
  await page.goto(`/flags/${key}`)
  await page.getByTestId('flag-state-rollout').check()
  const percent = page.getByTestId('flag-rollout-number')
  // Out of range is kept within it, and the box shows what is kept.
  await percent.fill('150')
  await percent.blur()
  await expect(percent).toHaveValue('100')
  await percent.fill(String(ROLLOUT))
  await percent.blur()
  await expect(page.getByTestId('flag-rollout-range')).toHaveValue(String(ROLLOUT))
  await page.getByTestId('flag-stickiness').selectOption('tenant')
  await expectNoSeriousA11yViolations(page)
  await page.getByTestId('flag-rule-save').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'The rule in Development was saved.' })).toBeVisible()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 2')

  const rolledOut = await tenantSees(page, key)
  const bucket = Number(/bucket (\d+) of 100/.exec(rolledOut.why)?.[1])
  expect(bucket, rolledOut.why).toBeGreaterThanOrEqual(1)
  expect(bucket).toBeLessThanOrEqual(100)
  const inRollout = bucket <= ROLLOUT
  expect(rolledOut).toEqual({
    value: String(inRollout),
    why: inRollout
      ? `In the rollout: its bucket ${bucket} of 100 is within the percentage.`
      : `Outside the rollout: its bucket ${bucket} of 100 is above the percentage.`,
  })
  await expectNoSeriousA11yViolations(page)

  // An override for this customer beats the rollout: force the opposite of what the rollout gave.
  await page.goto(`/flags/${key}`)
  const overrides = page.getByTestId('flag-override-form')
  await overrides.getByTestId('flag-override-scope').selectOption('tenant')
  await overrides.getByTestId('flag-override-id').fill(TENANT.slug)
  await overrides.getByTestId('flag-override-value').selectOption(String(!inRollout))
  await overrides.getByTestId('flag-override-note').fill('Asked for it in ticket 4711')
  await overrides.getByTestId('flag-override-add').click()
  await expect(page.getByTestId(`flag-override-tenant-${TENANT.slug}`)).toHaveAttribute('data-value', String(!inRollout))
  expect(await tenantSees(page, key)).toEqual({
    value: String(!inRollout),
    why: `Forced ${inRollout ? 'off' : 'on'} by an override for this customer.`,
  })

  // An override naming nobody is refused, not stored.
  await page.goto(`/flags/${key}`)
  await overrides.getByTestId('flag-override-id').fill('no-such-customer')
  await overrides.getByTestId('flag-override-add').click()
  await expect(page.getByTestId('toast-error').filter({ hasText: 'There is no such partner, customer or user.' })).toBeVisible()
  await expect(page.getByTestId('flag-override-tenant-no-such-customer')).toHaveCount(0)

  // The kill switch: a reason is required, the dialog confirms, and it beats the override.
  await page.getByTestId('flag-kill-submit').click()
  await expect(page.getByTestId('flag-kill-reason-error')).toBeVisible()
  await page.getByTestId('flag-kill-reason').fill('Incident 42: errors at checkout')
  await page.getByTestId('flag-kill-submit').click()
  await expect(page.getByTestId('confirm-dialog')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByTestId('confirm-accept').click()
  await expect(page.getByTestId('flag-killed')).toContainText('Incident 42: errors at checkout')
  await expect(page.getByTestId('flag-killed-badge')).toBeVisible()
  expect(await tenantSees(page, key)).toEqual({ value: 'false', why: 'The kill switch is on: off everywhere.' })

  // The history: every change, newest first, each with its diff.
  await page.goto(`/flags/${key}`)
  const history = page.getByTestId('flag-history')
  await expect(history.getByTestId('audit-action')).toHaveText([
    'flag.kill',
    'flag.override_set',
    'flag.rule_update',
    'flag.create',
  ])
  const kill = history.locator('[data-action="flag.kill"]')
  await kill.getByTestId('audit-toggle').click()
  await expect(kill).toContainText('Incident 42: errors at checkout')
  const rule = history.locator('[data-action="flag.rule_update"]')
  await rule.getByTestId('audit-toggle').click()
  await expect(rule).toContainText('rollout')
  await expectNoSeriousA11yViolations(page)

  // The list finds it by key and shows it killed.
  await page.goto('/flags')
  await page.getByTestId('flags-search').fill(key)
  await expect(page.locator('[data-testid^="flag-"][data-killed]')).toHaveCount(1)
  await expect(page.getByTestId(`flag-${key}`)).toHaveAttribute('data-killed', 'true')
  // The one error the console logged is the refused override's 404, and nothing else.
  expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not found.)'])
})
