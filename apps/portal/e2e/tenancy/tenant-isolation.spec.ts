import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { DIRECT_TENANT, OTHER_TENANT, PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

/** Nuxt's error page for a fatal 404: the status in the response and nothing of the tenant on it. */
async function expectNotFound(page: Page, path: string, hidden: string) {
  const response = await page.goto(path)
  expect(response?.status(), `${path} answers 404`).toBe(404)
  await expect(page.locator('body')).toContainText('404')
  await expect(page.locator('body')).not.toContainText(hidden)
}

test('a user of tenant A opening tenant B\'s pages gets a not-found page, and its API routes 404', async ({ page }) => {
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)

  for (const path of ['', '/users', '/domains', '/services'])
    await expectNotFound(page, `/t/${OTHER_TENANT.slug}${path}`, OTHER_TENANT.name)
  await expectNotFound(page, `/p/${SEED_PARTNER.slug}`, SEED_PARTNER.name)
  for (const path of ['', '/usage', '/members', '/domains'])
    expect((await page.request.get(`/api/tenants/${OTHER_TENANT.slug}${path}`)).status(), `/api/tenants/${OTHER_TENANT.slug}${path}`).toBe(404)
})

test('a partner opens its own customers only, never a tenant sold directly', async ({ page }) => {
  await signIn(page, PARTNER_ADMIN, `/p/${SEED_PARTNER.slug}`)

  await page.goto(`/t/${SEED_TENANT.slug}`)
  await expect(page.getByRole('main')).toContainText(SEED_TENANT.name)
  await expectNotFound(page, `/t/${DIRECT_TENANT.slug}`, DIRECT_TENANT.name)
  expect((await page.request.get(`/api/tenants/${DIRECT_TENANT.slug}`)).status()).toBe(404)
})
