import type { Page } from '@playwright/test'
import { demoUserInGroup, expectNoSeriousA11yViolations, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

const BUSINESS = SEED_TENANTS.find(tenant => tenant.plan === 'business')!
const STARTER = SEED_TENANTS.find(tenant => tenant.plan === 'starter')!

async function why(page: Page, tenant: string, key: string) {
  await page.goto(`/tenants/${tenant}/flags`)
  return page.getByTestId(`tenant-flag-${key}`).getByTestId('tenant-flag-why')
}

test('an ops lead targets a flag at a segment built in the console, a bad constraint is refused with where it is, and a segment in use cannot be deleted', async ({ page }) => {
  test.setTimeout(120_000)
  const id = Date.now().toString(36)
  const key = `e2e.targeted-${id}`
  const segmentName = `Paying plans ${id}`
  await (await flagOperator(STACK, FLAGS_ENVIRONMENT)).ensure(key, 'Targeted at a segment')
  await signIn(page, demoUserInGroup('operator:ops_lead'))

  // A segment: plan is one of business, enterprise.
  await page.goto('/flags/segments')
  await page.getByTestId('new-segment').click()
  const form = page.getByTestId('segment-form-new')
  await form.getByTestId('segment-form-new-name').fill(segmentName)
  await form.getByTestId('segment-form-new-add-constraint').click()
  await form.getByTestId('segment-form-new-constraint-0-context').fill('plan')
  await form.getByTestId('segment-form-new-constraint-0-values').fill('business, enterprise')
  await expectNoSeriousA11yViolations(page)
  await form.getByTestId('segment-form-new-save').click()
  const listed = page.getByTestId('segments').locator(':scope > li').filter({ hasText: segmentName })
  await expect(listed).toContainText('plan is one of business, enterprise')
  // By its id from here on: while it is edited, its name is in a text box, not in the text.
  const segment = page.getByTestId((await listed.getAttribute('data-testid'))!)

  // The flag: targeted, one strategy for everyone in the segment.
  await page.goto(`/flags/${key}`)
  await page.getByTestId('flag-state-targeted').check()
  await page.getByTestId('flag-add-strategy').click()
  const strategy = page.getByTestId('strategy-0')
  await strategy.getByLabel(segmentName).check()
  // A constraint the engine cannot run: the API's issue is listed with where it is, nothing saved.
  await strategy.getByTestId('strategy-0-add-constraint').click()
  await strategy.getByTestId('strategy-0-constraint-0-context').fill('email')
  await strategy.getByTestId('strategy-0-constraint-0-operator').selectOption('REGEX')
  await strategy.getByTestId('strategy-0-constraint-0-value').fill('(unclosed')
  await page.getByTestId('flag-rule-save').click()
  await expect(page.getByTestId('flag-rule-error')).toContainText('strategies 1 › constraints 1 › value')
  await expect(page.getByTestId('flag-version')).toHaveText('Version 1')
  await strategy.getByTestId('strategy-0-constraint-0-remove').click()
  await page.getByTestId('flag-rule-save').click()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 2')

  await expect(await why(page, BUSINESS.slug, key)).toHaveText('Strategy 1 matches this customer.')
  await expect(await why(page, STARTER.slug, key)).toHaveText('No strategy matches this customer.')

  // In use: refused, and still there.
  await page.goto('/flags/segments')
  await segment.getByTestId('segment-delete').click()
  await page.getByTestId('confirm-accept').click()
  await expect(page.getByTestId('toast-error').filter({ hasText: 'A flag\'s rule still uses this segment' })).toBeVisible()
  await expect(segment).toBeVisible()

  // Widening the segment widens the flag: starter customers are in now.
  await segment.getByTestId('segment-edit').click()
  await segment.locator('[data-testid$="-constraint-0-values"]').fill('business, enterprise, starter')
  await segment.locator('[data-testid$="-save"]').click()
  await expect(segment).toContainText('business, enterprise, starter')
  await expect(await why(page, STARTER.slug, key)).toHaveText('Strategy 1 matches this customer.')
})
