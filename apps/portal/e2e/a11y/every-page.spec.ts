import { expectNoSeriousA11yViolations } from '@dezky/e2e-support'
import { test } from '@playwright/test'
import { PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { PARTNER_ADMIN_PAGES, TENANT_OWNER_PAGES } from '../support/portal-pages'
import { signIn } from '../support/sign-in'

test('every page of the tenant area and the account has no serious or critical axe violation', async ({ page }) => {
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
  for (const path of TENANT_OWNER_PAGES) {
    await page.goto(path)
    await expectNoSeriousA11yViolations(page)
  }
  // Nuxt's not-found page is a page the user sees too.
  await page.goto('/t/no-such-tenant')
  await expectNoSeriousA11yViolations(page)
})

test('every page of the partner area has no serious or critical axe violation', async ({ page }) => {
  await signIn(page, PARTNER_ADMIN, `/p/${SEED_PARTNER.slug}`)
  for (const path of PARTNER_ADMIN_PAGES) {
    await page.goto(path)
    await expectNoSeriousA11yViolations(page)
  }
})

test('the signed-out page has no serious or critical axe violation', async ({ page }) => {
  await page.goto('/auth/signed-out')
  await expectNoSeriousA11yViolations(page)
})
