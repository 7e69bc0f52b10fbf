import { cookieHeaderFor, JWT_SHAPED, readBffAnswer } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { bffGetRoutes } from '../support/bff-get-routes'
import { OPERATOR_WITHOUT_MFA, SUPER_ADMIN } from '../support/demo'
import { OPERATOR_PAGES } from '../support/operator-pages'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

test('no JWT-shaped string in any page or BFF GET answer a super admin gets', async ({ page }) => {
  test.setTimeout(60_000)
  await signIn(page, SUPER_ADMIN)

  for (const path of OPERATOR_PAGES) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBeLessThan(400)
    expect(await response!.text(), `${path} (server-rendered HTML and payload)`).not.toMatch(JWT_SHAPED)
    expect(await page.content(), `${path} (after hydration)`).not.toMatch(JWT_SHAPED)
  }

  const cookie = await cookieHeaderFor(page.context(), STACK.appUrl)
  const routes = bffGetRoutes()
  expect(routes).toContain('/api/tenants/acme/provisioning/events')
  for (const path of routes) {
    const { status, body } = await readBffAnswer(STACK.appUrl, path, cookie)
    expect(status, `${path} must not fail`).toBeLessThan(500)
    expect(body, `${path} leaks a JWT`).not.toMatch(JWT_SHAPED)
  }
})

test('no JWT-shaped string on the MFA-required page', async ({ page }) => {
  await signIn(page, OPERATOR_WITHOUT_MFA, '/auth/mfa-required')
  const response = await page.request.get('/auth/mfa-required')
  expect(await response.text()).not.toMatch(JWT_SHAPED)
  expect(await page.content()).not.toMatch(JWT_SHAPED)
})
