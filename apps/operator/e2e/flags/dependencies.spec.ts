import { demoUserInGroup, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

const TENANT = SEED_TENANTS[0]!

test('an ops lead makes a flag depend on another: a circle is refused with where it is, and the tenant\'s tab says which parent holds it off', async ({ page }) => {
  const id = Date.now().toString(36)
  const parent = `e2e.parent-${id}`
  const child = `e2e.child-${id}`
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(parent, 'Parent')
  await operator.ensure(child, 'Child')
  await operator.set(child, { state: 'on' })
  await signIn(page, demoUserInGroup('operator:ops_lead'))

  await page.goto(`/flags/${child}`)
  const form = page.getByTestId('flag-details-form')
  // Itself first: refused by the API, the issue shown where it is, nothing saved.
  await form.getByTestId('flag-dependency-add').click()
  // Not a key at all: the BFF refuses it before the API is asked, and says where, as the API would.
  await form.getByTestId('flag-dependency-0-feature').fill('Not A Key')
  await form.getByTestId('flag-details-save').click()
  await expect(form.getByTestId('flag-details-issues')).toContainText('dependencies 1 › feature')
  await form.getByTestId('flag-dependency-0-feature').fill(child)
  await form.getByTestId('flag-details-save').click()
  await expect(form.getByTestId('flag-details-issues')).toContainText('dependencies 1 › feature')
  await expect(page.getByTestId('flag-version')).toHaveText('Version 2')

  await form.getByTestId('flag-dependency-0-feature').fill(parent)
  await form.getByTestId('flag-details-save').click()
  await expect(page.getByTestId('flag-version')).toHaveText('Version 3')
  await expect(page.getByRole('link', { name: `${parent} is on` })).toBeVisible()

  await page.goto(`/tenants/${TENANT.slug}/flags`)
  const why = page.getByTestId(`tenant-flag-${child}`).getByTestId('tenant-flag-why')
  await expect(why).toHaveText(`Off because it depends on ${parent}, which is not satisfied.`)

  await operator.set(parent, { state: 'on' })
  await page.reload()
  await expect(why).toHaveText('On for everyone in this environment.')
})
