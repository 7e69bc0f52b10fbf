import { demoUserInGroup, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

const TENANT = SEED_TENANTS[0]!

test('an ops lead splits an experiment into weighted variants with a payload, and the tenant\'s tab names the variant it gets', async ({ page }) => {
  const key = `e2e.variants-${Date.now().toString(36)}`
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(key, 'Experiment with variants')
  await operator.set(key, { state: 'on' })
  await signIn(page, demoUserInGroup('operator:ops_lead'))
  await page.goto(`/flags/${key}`)

  const variants = page.getByTestId('flag-variants')
  await variants.getByTestId('flag-variant-add').click()
  await variants.getByTestId('flag-variant-0-name').fill('control')
  await expect(variants.getByTestId('flag-variant-0-share')).toHaveText('100% of those on')
  await variants.getByTestId('flag-variant-add').click()
  await variants.getByTestId('flag-variant-1-name').fill('treatment')
  const weight = variants.getByTestId('flag-variant-1-weight')
  await weight.fill('1000')
  await weight.blur()
  await expect(variants.getByTestId('flag-variant-0-share')).toHaveText('50% of those on')
  await expect(variants.getByTestId('flag-variant-1-share')).toHaveText('50% of those on')
  await variants.getByTestId('flag-variant-1-stickiness').selectOption('tenant')
  await variants.getByTestId('flag-variant-1-payload-type').selectOption('json')
  await variants.getByTestId('flag-variant-1-payload').fill('{"color":"blue"}')
  await page.getByTestId('flag-rule-save').click()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 3')

  const flag = await (await page.request.get(`/api/flags/${key}`)).json()
  expect(flag.environments[FLAGS_ENVIRONMENT].variants).toEqual([
    { name: 'control', weight: 1000, stickiness: 'default' },
    {
      name: 'treatment',
      weight: 1000,
      stickiness: 'tenant',
      payload: { type: 'json', value: '{"color":"blue"}' },
    },
  ])
  await page.reload()
  await expect(page.getByTestId('flag-variant-1-name')).toHaveValue('treatment')

  await page.goto(`/tenants/${TENANT.slug}/flags`)
  await expect(page.getByTestId(`tenant-flag-${key}`)).toContainText(/variant (control|treatment)/)
})
