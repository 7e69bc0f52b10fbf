import { collectAppErrors, expectSessionCookie, JWT_SHAPED, readWithoutTokens, signInAtIdp } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { OPERATOR_WITHOUT_MFA, SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { STACK } from '../support/stack'

const SESSION_COOKIE = 'dezky_operator_nuxt-oidc-auth'
const seededSlugs = SEED_TENANTS.map(tenant => tenant.slug).sort()

function slugsOf(page: string) {
  return (JSON.parse(page).items as { slug: string }[]).map(tenant => tenant.slug).sort()
}

test('a super admin signs in with MFA, sees her role and every tenant, keeps tokens server-side, signs out', async ({ page }) => {
  const consoleErrors = collectAppErrors(page, STACK.appUrl)

  await signInAtIdp(page, STACK.idpIssuer, SUPER_ADMIN)

  await expect(page.getByTestId('me-name')).toHaveText(SUPER_ADMIN.name)
  await expect(page.getByTestId('me-operator-role')).toHaveText('Super admin')
  await expect(page.getByTestId('me-amr')).toContainText('Password, One-time code')
  expect(await page.content()).not.toMatch(JWT_SHAPED)
  await expectSessionCookie(page.context(), STACK.appUrl, SESSION_COOKIE)
  const home = await page.request.get('/')
  expect(await home.text(), 'server-rendered HTML leaks a JWT').not.toMatch(JWT_SHAPED)

  // Operators reach every tenant, whichever partner sold it, without a membership in any.
  await page.getByRole('link', { name: 'Your tenants' }).click()
  await expect(page.getByTestId('tenant-table').locator('tbody tr')).toHaveCount(SEED_TENANTS.length)
  for (const tenant of SEED_TENANTS) {
    const row = page.getByTestId(`tenant-${tenant.slug}`)
    await expect(row).toContainText(tenant.name)
    await expect(row).toContainText(tenant.partnerSlug ?? 'Direct')
  }
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  const me = await readWithoutTokens(page.request, '/api/me')
  expect(me.status).toBe(200)
  expect(JSON.parse(me.body)).toMatchObject({
    user: { email: SUPER_ADMIN.email },
    operatorRole: 'super_admin',
  })
  const tenants = await readWithoutTokens(page.request, '/api/tenants')
  expect(tenants.status).toBe(200)
  expect(slugsOf(tenants.body)).toEqual(seededSlugs)
  const session = await readWithoutTokens(page.request, '/api/_auth/session')
  expect(session.status).toBe(200)
  expect(consoleErrors).toEqual([])

  await page.getByTestId('user-menu').locator('summary').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('signed-out')).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)
})

// Each test has its own browser context, so this sign-in shares nothing with the super admin's.
test('an operator who signed in without MFA gets no operator role and sees no tenants', async ({ page }) => {
  await signInAtIdp(page, STACK.idpIssuer, OPERATOR_WITHOUT_MFA)

  await expect(page.getByTestId('me-name')).toHaveText(OPERATOR_WITHOUT_MFA.name)
  await expect(page.getByTestId('me-operator-role')).toHaveText('None')
  await expect(page.getByTestId('me-amr')).toContainText('Password')
  await expect(page.getByTestId('me-amr')).not.toContainText('One-time code')

  await page.getByRole('link', { name: 'Your tenants' }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expect(page.getByTestId('tenant-table')).toHaveCount(0)

  const me = await readWithoutTokens(page.request, '/api/me')
  expect(me.status).toBe(200)
  expect(JSON.parse(me.body)).toMatchObject({
    user: { email: OPERATOR_WITHOUT_MFA.email },
    operatorRole: null,
  })
  const tenants = await readWithoutTokens(page.request, '/api/tenants')
  expect(tenants.status).toBe(200)
  expect(slugsOf(tenants.body)).toEqual([])
})
