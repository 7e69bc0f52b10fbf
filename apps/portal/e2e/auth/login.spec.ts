import { collectAppErrors, expectSessionCookie, JWT_SHAPED, readWithoutTokens } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const DASHBOARD = `/t/${SEED_TENANT.slug}`

test('signs in through the IdP to the only tenant\'s dashboard, keeps tokens server-side, signs out for real', async ({ page }) => {
  const portalErrors = collectAppErrors(page, STACK.appUrl)

  await signIn(page, TENANT_OWNER, DASHBOARD)
  await expect(page.getByTestId('user-name')).toHaveText(TENANT_OWNER.name)
  await expect(page.getByRole('main')).toContainText(SEED_TENANT.name)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  await expectSessionCookie(page.context(), STACK.appUrl, 'dezky_portal_nuxt-oidc-auth')

  const dashboard = await page.request.get(DASHBOARD)
  expect(dashboard.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/)
  expect(dashboard.headers()['x-frame-options']).toBe('DENY')
  expect(dashboard.headers()['cache-control'], 'private HTML must not be cached').toBe('no-store')
  expect(await dashboard.text(), 'server-rendered HTML leaks a JWT').not.toMatch(JWT_SHAPED)

  const me = await readWithoutTokens(page.request, '/api/me')
  expect(me.status).toBe(200)
  expect(JSON.parse(me.body).user.email).toBe(TENANT_OWNER.email)
  const session = await readWithoutTokens(page.request, '/api/_auth/session')
  expect(session.status).toBe(200)
  // Hydration ran under the nonce-based CSP: no violation, no script error.
  expect(portalErrors).toEqual([])

  await page.getByTestId('user-menu').locator('summary').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('signed-out')).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)

  // Back must not bring the dashboard back, neither from the HTTP cache nor the back/forward cache:
  // without a session the portal sends the browser to the IdP's login form.
  await page.goBack()
  await expect(page).toHaveURL(url => url.href.startsWith(`${STACK.idpIssuer}/interaction/`))
  await expect(page.locator('body')).not.toContainText(SEED_TENANT.name)
  await expect(page.getByTestId('user-name')).toHaveCount(0)

  // The IdP session ended too: coming back to the portal asks for the password again.
  await page.goto('/')
  await expect(page).toHaveURL(url => url.href.startsWith(`${STACK.idpIssuer}/interaction/`))
  await expect(page.locator('#password')).toBeVisible()
})
