import { collectAppErrors, expectSessionCookie, JWT_SHAPED, readWithoutTokens, signInAtIdp } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { STACK } from '../support/stack'

const SESSION_COOKIE = 'dezky_operator_nuxt-oidc-auth'
const seededSlugs = SEED_TENANTS.map(tenant => tenant.slug).sort()

function slugsOf(page: string) {
  return (JSON.parse(page).items as { slug: string }[]).map(tenant => tenant.slug).sort()
}

test('a super admin signs in with MFA, sees the environment and every tenant, keeps tokens server-side, signs out', async ({ page }) => {
  const consoleErrors = collectAppErrors(page, STACK.appUrl)

  await signInAtIdp(page, STACK.idpIssuer, SUPER_ADMIN)
  await expect(page.getByTestId('user-name')).toHaveText(SUPER_ADMIN.name)
  // The console opens on its overview.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview')
  // The stack runs the console without NUXT_PUBLIC_ENVIRONMENT: the default is dev, said in words too.
  await expect(page.getByTestId('environment-badge')).toHaveAttribute('data-environment', 'dev')
  await expect(page.getByTestId('environment-badge')).toHaveText(/Environment:\s*Dev/)
  expect(await page.content()).not.toMatch(JWT_SHAPED)
  await expectSessionCookie(page.context(), STACK.appUrl, SESSION_COOKIE)
  const home = await page.request.get('/')
  expect(await home.text(), 'server-rendered HTML leaks a JWT').not.toMatch(JWT_SHAPED)

  // Operators reach every tenant, whichever partner sold it, without a membership in any.
  await page.getByTestId('nav-tenants').click()
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
