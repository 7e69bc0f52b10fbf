import type { Browser } from '@playwright/test'
import { demoUserInGroup, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

/** A new flag open in two tabs of one ops lead, both at version 1. */
async function twoTabsOn(browser: Browser, key: string, name: string) {
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(key, name)
  const context = await browser.newContext()
  const first = await context.newPage()
  await signIn(first, demoUserInGroup('operator:ops_lead'))
  const second = await context.newPage()
  await first.goto(`/flags/${key}`)
  await second.goto(`/flags/${key}`)
  return { context, first, second }
}

test('a rule saved over someone else\'s newer change is refused with a way to load it, and nothing is lost silently', async ({ browser }) => {
  const { context, first, second } = await twoTabsOn(browser, `e2e.concurrent-${Date.now().toString(36)}`, 'Concurrent edit')

  // The second tab turns it on; the first, still showing version 1, tries a rollout.
  await second.getByTestId('flag-state-on').check()
  await second.getByTestId('flag-rule-save').click()
  await expect(second.getByTestId('flag-version')).toHaveText('Version 2')

  await first.getByTestId('flag-state-rollout').check()
  await first.getByTestId('flag-rule-save').click()
  const refused = first.getByTestId('flag-rule-error')
  await expect(refused).toHaveAttribute('data-stale', 'true')
  await expect(refused).toContainText('Someone changed this flag meanwhile')

  await first.getByTestId('flag-reload').click()
  await expect(first.getByTestId('flag-version')).toHaveText('Version 2')
  await expect(first.getByTestId('flag-state-on')).toBeChecked()
  await expect(refused).toHaveCount(0)
  await first.getByTestId('flag-state-rollout').check()
  await first.getByTestId('flag-rule-save').click()
  await expect(first.getByTestId('flag-version')).toHaveText('Version 3')
  await context.close()
})

test('details saved over someone else\'s newer change are refused with a way to load them', async ({ browser }) => {
  const { context, first, second } = await twoTabsOn(browser, `e2e.concurrent-details-${Date.now().toString(36)}`, 'Concurrent details')

  await second.getByTestId('flag-edit-name').fill('Renamed in the second tab')
  await second.getByTestId('flag-details-save').click()
  await expect(second.getByTestId('flag-version')).toHaveText('Version 2')

  // The first tab, still on version 1, would have written the old name back with its description.
  await first.getByTestId('flag-edit-description').fill('Written in the first tab')
  await first.getByTestId('flag-details-save').click()
  await expect(first.getByTestId('flag-details-stale')).toContainText('Someone changed this flag meanwhile')
  await first.getByTestId('flag-details-reload').click()
  await expect(first.getByTestId('flag-edit-name')).toHaveValue('Renamed in the second tab')
  await expect(first.getByTestId('flag-details-stale')).toHaveCount(0)
  await context.close()
})

test('an unsaved rule survives an override added on the same page, and saves on the new version', async ({ page }) => {
  const key = `e2e.draft-kept-${Date.now().toString(36)}`
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(key, 'Draft kept')
  await signIn(page, demoUserInGroup('operator:ops_lead'))
  await page.goto(`/flags/${key}`)

  await page.getByTestId('flag-state-on').check()
  await page.getByTestId('flag-override-id').fill('acme')
  await page.getByTestId('flag-override-add').click()
  await expect(page.getByTestId('flag-override-tenant-acme')).toBeVisible()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 2')

  // The rule was not what changed, so the edit stays and is saved against version 2, not refused.
  await expect(page.getByTestId('flag-state-on')).toBeChecked()
  await page.getByTestId('flag-rule-save').click()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 3')
  await expect(page.getByTestId('flag-rule-error')).toHaveCount(0)
})
