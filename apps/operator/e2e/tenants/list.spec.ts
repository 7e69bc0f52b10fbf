import { expect, test } from '@playwright/test'
import { SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

const rows = (page: import('@playwright/test').Page) => page.getByTestId('tenant-table').locator('tbody tr[data-testid^="tenant-"]')

async function slugsShown(page: import('@playwright/test').Page) {
  return (await rows(page).evaluateAll(trs => trs.map(tr => tr.getAttribute('data-testid')!.replace(/^tenant-/, ''))))
}

test('the tenant list filters, searches and sorts, with the state in the URL and Back restoring it', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/tenants')
  await expect(rows(page)).toHaveCount(3)

  // Sort by name: the header cycles ascending, then descending.
  await page.getByTestId('sort-name').click()
  await expect(page).toHaveURL(/[?&]sort=name(?:&|$)/)
  await expect.poll(() => slugsShown(page)).toEqual(['acme', 'boreal', 'initech'])
  await page.getByTestId('sort-name').click()
  await expect(page).toHaveURL(/[?&]sort=-name(?:&|$)/)
  await expect.poll(() => slugsShown(page)).toEqual(['initech', 'boreal', 'acme'])

  // Filters add up, and each one is in the URL.
  await page.getByTestId('tenant-plan-filter').selectOption('starter')
  await expect(page).toHaveURL(/[?&]plan=starter/)
  await expect.poll(() => slugsShown(page)).toEqual(['initech', 'boreal'])
  await page.getByTestId('tenant-partner-filter').selectOption('aurora')
  await expect(page).toHaveURL(/[?&]partner=aurora/)
  await expect.poll(() => slugsShown(page)).toEqual(['boreal'])

  // Back undoes the last filter; the list follows the URL.
  await page.goBack()
  await expect(page).not.toHaveURL(/partner=/)
  await expect.poll(() => slugsShown(page)).toEqual(['initech', 'boreal'])
  await expect(page.getByTestId('tenant-partner-filter')).toHaveValue('')

  // Customers sold directly are a choice of the partner filter (`direct=true`, not a partner slug).
  await page.getByTestId('tenant-partner-filter').selectOption('(direct)')
  await expect(page).toHaveURL(/[?&]direct=true/)
  await expect(page).not.toHaveURL(/partner=/)
  await expect.poll(() => slugsShown(page)).toEqual(['initech'])

  // Sorting by people: acme has its four demo members, initech its owner, boreal nobody.
  await page.goto('/tenants?sort=-users')
  await expect.poll(() => slugsShown(page)).toEqual(['acme', 'initech', 'boreal'])
  await expect(page.getByTestId('tenant-acme').locator('[data-testid="customer-health"]')).toHaveAttribute('data-health', /^(ok|pending|error)$/)

  // A shared link opens the same view.
  await page.goto('/tenants?q=ini&sort=name')
  await expect(page.getByTestId('tenant-search')).toHaveValue('ini')
  await expect.poll(() => slugsShown(page)).toEqual(['initech'])

  // Searching types into the URL too (replacing, not pushing, each keystroke).
  await page.goto('/tenants')
  await page.getByTestId('tenant-search').fill('bor')
  await expect(page).toHaveURL(/[?&]q=bor/)
  await expect.poll(() => slugsShown(page)).toEqual(['boreal'])

  // A status nobody has: the empty state says the filters are why.
  await page.goto('/tenants?status=deleted')
  await expect(page.getByTestId('tenant-status-filter')).toHaveValue('deleted')
  await expect(page.getByTestId('empty-state')).toContainText('No tenant matches')
})
