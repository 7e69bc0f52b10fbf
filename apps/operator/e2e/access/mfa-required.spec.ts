import { readWithoutTokens, signInAtIdp } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { OPERATOR_WITHOUT_MFA, SEED_TENANTS, TENANT_OWNER } from '../support/demo'
import { STACK } from '../support/stack'

test('an operator who signed in without MFA gets the MFA-required page, never the console', async ({ page }) => {
  await signInAtIdp(page, STACK.idpIssuer, OPERATOR_WITHOUT_MFA)

  await expect(page).toHaveURL(`${STACK.appUrl}/auth/mfa-required`)
  const gate = page.getByTestId('mfa-required')
  await expect(gate.getByRole('heading', { level: 1 })).toHaveText('Sign in with your second factor')
  await expect(gate).toContainText(OPERATOR_WITHOUT_MFA.name)
  await expect(gate).toContainText('one-time code or security key')
  // No way into the console from here: no navigation, and every console page comes back to this one.
  await expect(page.getByTestId('sidebar')).toHaveCount(0)
  for (const path of ['/', '/tenants', `/tenants/${SEED_TENANTS[0]!.slug}/danger`]) {
    await page.goto(path)
    await expect(page).toHaveURL(`${STACK.appUrl}/auth/mfa-required`)
  }

  // The API is the authority: without MFA it grants no operator role, so the BFF lists nothing.
  const me = await readWithoutTokens(page.request, '/api/me')
  expect(JSON.parse(me.body)).toMatchObject({ operatorRole: null })
  const tenants = await readWithoutTokens(page.request, '/api/tenants')
  expect(JSON.parse(tenants.body).items).toEqual([])

  await page.getByTestId('mfa-required-sign-out').click()
  await expect(page.getByTestId('signed-out')).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)
})

test('the MFA-required page speaks Portuguese to a pt-BR browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'pt-BR' })
  const page = await context.newPage()
  await signInAtIdp(page, STACK.idpIssuer, OPERATOR_WITHOUT_MFA)
  await expect(page.getByTestId('mfa-required').getByRole('heading', { level: 1 })).toHaveText('Entre com o seu segundo fator')
  await context.close()
})

test('a signed-in person with no operator role is told the console is not for them', async ({ page }) => {
  await signInAtIdp(page, STACK.idpIssuer, TENANT_OWNER)

  await expect(page).toHaveURL(`${STACK.appUrl}/auth/not-operator`)
  await expect(page.getByTestId('not-operator').getByRole('heading', { level: 1 })).toHaveText('This console is for the provider\'s staff')
  await page.goto('/tenants')
  await expect(page).toHaveURL(`${STACK.appUrl}/auth/not-operator`)
  await expect(page.getByTestId('not-operator-sign-out')).toBeVisible()
})
