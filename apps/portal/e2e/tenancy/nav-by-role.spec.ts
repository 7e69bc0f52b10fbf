import type { Page } from '@playwright/test'
import { demoUserInGroup } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

const TENANT_MEMBER = demoUserInGroup(`tenant:${SEED_TENANT.slug}:member`)
const TENANT_BILLING = demoUserInGroup(`tenant:${SEED_TENANT.slug}:billing`)
const PARTNER_AGENT = demoUserInGroup(`partner:${SEED_PARTNER.slug}:partner_agent`)
const TENANT = `/t/${SEED_TENANT.slug}`
const PARTNER = `/p/${SEED_PARTNER.slug}`

/** The sidebar's links once the shell knows who the user is (the list is busy until /api/me answers). */
async function navKeys(page: Page, path: string, expected: string[]) {
  await page.goto(path)
  const list = page.getByTestId('sidebar').getByRole('list')
  await expect(list).not.toHaveAttribute('aria-busy', 'true')
  const keys = await list.getByRole('link').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-testid')))
  expect(keys.sort(), path).toEqual(expected.map(key => `nav-${key}`).sort())
}

test('a tenant\'s members and billing people are not offered the pages the API refuses them', async ({ page }) => {
  for (const user of [TENANT_MEMBER, TENANT_BILLING]) {
    await page.context().clearCookies()
    await signIn(page, user, TENANT)
    await navKeys(page, `${TENANT}/services`, ['dashboard', 'services', 'account'])
    // The API is the authority: what the sidebar hides, it refuses.
    for (const path of ['/members', '/domains'])
      expect((await page.request.get(`/api/tenants/${SEED_TENANT.slug}${path}`)).status(), `${user.username} ${path}`).toBe(403)
  }
})

test('an owner sees every page of the tenant', async ({ page }) => {
  await signIn(page, TENANT_OWNER, TENANT)
  await navKeys(page, TENANT, [
    'dashboard',
    'users',
    'domains',
    'services',
    'tenant-branding',
    'account',
  ])
  await page.getByTestId('nav-users').click()
  await expect(page).toHaveURL(url => url.pathname === `${TENANT}/users`)
})

test('partner roles count on their customers\' tenants: the admin sees branding, the agent does not', async ({ page }) => {
  await signIn(page, PARTNER_ADMIN, PARTNER)
  await navKeys(page, PARTNER, ['partner-customers', 'partner-branding', 'account'])
  await navKeys(page, TENANT, [
    'dashboard',
    'users',
    'domains',
    'services',
    'tenant-branding',
    'account',
  ])

  // The switcher names the partner, not its slug.
  await page.getByTestId('tenant-switcher').click()
  await expect(page.getByTestId(`switch-partner-${SEED_PARTNER.slug}`)).toHaveText(SEED_PARTNER.name)

  await page.context().clearCookies()
  await signIn(page, PARTNER_AGENT, PARTNER)
  await navKeys(page, PARTNER, ['partner-customers', 'account'])
  await navKeys(page, TENANT, [
    'dashboard',
    'users',
    'domains',
    'services',
    'account',
  ])
})
