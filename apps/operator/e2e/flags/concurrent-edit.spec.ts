import { demoUserInGroup, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

test('a rule saved over someone else\'s newer change is refused with a way to load it, and nothing is lost silently', async ({ browser }) => {
  const key = `e2e.concurrent-${Date.now().toString(36)}`
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(key, 'Concurrent edit')
  const context = await browser.newContext()
  const first = await context.newPage()
  await signIn(first, demoUserInGroup('operator:ops_lead'))
  const second = await context.newPage()
  await first.goto(`/flags/${key}`)
  await second.goto(`/flags/${key}`)

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
