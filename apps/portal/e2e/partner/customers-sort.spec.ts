import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { OTHER_TENANT, PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT } from '../support/demo'
import { signIn } from '../support/sign-in'

const PARTNER_HOME = `/p/${SEED_PARTNER.slug}`

/** The seed customers' slugs in the order the table shows them (other customers may be listed too). */
async function seedOrder(page: Page) {
  const ids = await page.locator('tbody [data-testid^="customer-"]').evaluateAll(rows => rows.map(row => row.getAttribute('data-testid')))
  return ids.filter(id => id === `customer-${SEED_TENANT.slug}` || id === `customer-${OTHER_TENANT.slug}`)
}

// acme is on the business plan, globex on starter: by name acme comes first, by plan globex does.
test('the partner\'s customers sort on the server, and the sort stays in the URL', async ({ page }) => {
  await signIn(page, PARTNER_ADMIN, PARTNER_HOME)
  await expect(page.getByTestId(`customer-${OTHER_TENANT.slug}`)).toBeVisible()
  expect(await seedOrder(page)).toEqual([`customer-${SEED_TENANT.slug}`, `customer-${OTHER_TENANT.slug}`])

  await page.getByTestId('sort-plan').click()
  await expect(page).toHaveURL(url => url.searchParams.get('sort') === 'plan')
  await expect.poll(() => seedOrder(page)).toEqual([`customer-${OTHER_TENANT.slug}`, `customer-${SEED_TENANT.slug}`])

  await page.getByTestId('sort-name').click()
  await page.getByTestId('sort-name').click()
  await expect(page).toHaveURL(url => url.searchParams.get('sort') === '-name')
  await page.reload()
  await expect(page.locator('th[aria-sort="descending"]')).toContainText(/name|nome/i)
  await expect.poll(() => seedOrder(page)).toEqual([`customer-${OTHER_TENANT.slug}`, `customer-${SEED_TENANT.slug}`])
})
