import { expectNoSeriousA11yViolations, flagOperator } from '@dezky/e2e-support'
import { test } from '@playwright/test'
import { OPERATOR_WITHOUT_MFA, SUPER_ADMIN, TENANT_OWNER } from '../support/demo'
import { OPERATOR_PAGES } from '../support/operator-pages'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

test('every page of the tenant area has no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, SUPER_ADMIN)
  for (const path of OPERATOR_PAGES) {
    await page.goto(path)
    await expectNoSeriousA11yViolations(page)
  }
  // The confirmation dialog of a lifecycle action, open.
  await page.goto('/tenants/initech/danger')
  await page.getByTestId('suspend-reason').fill('Checking the dialog')
  await page.getByTestId('suspend-submit').click()
  await page.getByTestId('confirm-dialog').waitFor()
  await expectNoSeriousA11yViolations(page)
  // A flag's page with the targeting builder open: a strategy with a constraint and a segment list.
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure('e2e.a11y-targeted', 'Targeted for the accessibility check')
  await operator.set('e2e.a11y-targeted', {
    state: 'targeted',
    strategies: [
      {
        name: 'flexibleRollout',
        parameters: { rollout: '50', stickiness: 'default', groupId: 'e2e.a11y-targeted' },
        constraints: [
          {
            contextName: 'plan',
            operator: 'IN',
            values: ['business'],
          },
        ],
      },
    ],
  })
  await page.goto('/flags/e2e.a11y-targeted')
  await page.getByTestId('strategy-0').waitFor()
  await expectNoSeriousA11yViolations(page)
  // Nuxt's not-found page is a page the operator sees too.
  await page.goto('/tenants/no-such-tenant')
  await expectNoSeriousA11yViolations(page)
})

test('the MFA-required and not-an-operator pages have no serious or critical axe violation', async ({ browser }) => {
  for (const [user, landing] of [
    [OPERATOR_WITHOUT_MFA, '/auth/mfa-required'],
    [TENANT_OWNER, '/auth/not-operator'],
  ] as const) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, user, landing)
    await expectNoSeriousA11yViolations(page)
    await context.close()
  }
})
