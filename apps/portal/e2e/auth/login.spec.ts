import { collectAppErrors, expectSessionCookie, JWT_SHAPED, readWithoutTokens, signInAtIdp } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { STACK } from '../support/stack'

test('signs in through the IdP, shows who you are and your tenants, keeps tokens server-side, signs out', async ({ page }) => {
  const portalErrors = collectAppErrors(page, STACK.appUrl)

  await signInAtIdp(page, STACK.idpIssuer, TENANT_OWNER)

  await expect(page.getByTestId('me-name')).toHaveText(TENANT_OWNER.name)
  await expect(page.getByTestId('me-email')).toHaveText(TENANT_OWNER.email)
  await expect(page.getByTestId('me-tenants')).toContainText(SEED_TENANT.slug)
  await expect(page.getByTestId('user-name')).toHaveText(TENANT_OWNER.name)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  await expectSessionCookie(page.context(), STACK.appUrl, 'dezky_portal_nuxt-oidc-auth')

  const home = await page.request.get('/')
  expect(home.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/)
  expect(home.headers()['x-frame-options']).toBe('DENY')
  expect(await home.text(), 'server-rendered HTML leaks a JWT').not.toMatch(JWT_SHAPED)

  await page.getByRole('link', { name: 'Your tenants' }).click()
  const row = page.getByTestId(`tenant-${SEED_TENANT.slug}`)
  await expect(row).toContainText(SEED_TENANT.name)
  await expect(row).toContainText(SEED_TENANT.partnerSlug)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  const me = await readWithoutTokens(page.request, '/api/me')
  expect(me.status).toBe(200)
  expect(JSON.parse(me.body).user.email).toBe(TENANT_OWNER.email)
  const tenants = await readWithoutTokens(page.request, '/api/tenants')
  expect(tenants.status).toBe(200)
  expect(JSON.parse(tenants.body).items.map((tenant: { slug: string }) => tenant.slug)).toContain(SEED_TENANT.slug)
  const session = await readWithoutTokens(page.request, '/api/_auth/session')
  expect(session.status).toBe(200)
  // Hydration ran under the nonce-based CSP: no violation, no script error.
  expect(portalErrors).toEqual([])

  await page.getByTestId('user-menu').locator('summary').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('signed-out')).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)

  // The IdP session ended too: coming back to the portal asks for the password again.
  await page.goto('/')
  await expect(page).toHaveURL(url => url.href.startsWith(`${STACK.idpIssuer}/interaction/`))
  await expect(page.locator('#password')).toBeVisible()
})
