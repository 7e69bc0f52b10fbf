import type { IdpUser } from '@dezky/twins'
import { cookieHeaderFor, JWT_SHAPED, readBffAnswer } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { bffGetRoutes } from '../support/bff-get-routes'
import { PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { PARTNER_ADMIN_PAGES, TENANT_OWNER_PAGES } from '../support/portal-pages'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const ROLES: { label: string, user: IdpUser, home: string, pages: string[] }[] = [
  {
    label: 'tenant owner',
    user: TENANT_OWNER,
    home: `/t/${SEED_TENANT.slug}`,
    pages: TENANT_OWNER_PAGES,
  },
  {
    label: 'partner admin',
    user: PARTNER_ADMIN,
    home: `/p/${SEED_PARTNER.slug}`,
    pages: PARTNER_ADMIN_PAGES,
  },
]

for (const { label, user, home, pages } of ROLES) {
  test(`no JWT-shaped string in any page or BFF GET answer a ${label} gets`, async ({ page }) => {
    await signIn(page, user, home)

    for (const path of pages) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBeLessThan(400)
      expect(await response!.text(), `${path} (server-rendered HTML and payload)`).not.toMatch(JWT_SHAPED)
      expect(await page.content(), `${path} (after hydration)`).not.toMatch(JWT_SHAPED)
    }

    const cookie = await cookieHeaderFor(page.context(), STACK.appUrl)
    const routes = bffGetRoutes()
    expect(routes).toContain('/api/me')
    for (const path of routes) {
      const { status, body } = await readBffAnswer(STACK.appUrl, path, cookie)
      expect(status, `${path} must not fail`).toBeLessThan(500)
      expect(body, `${path} leaks a JWT`).not.toMatch(JWT_SHAPED)
    }
  })
}
