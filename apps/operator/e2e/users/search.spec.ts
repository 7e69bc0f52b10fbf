import { ZPage, ZUserSearchItem } from '@dezky/contracts'
import { demoUserInGroup, expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

// A seeded tenant's owner: the seed made their membership through the API.
const OWNER = demoUserInGroup('tenant:acme:owner')
const ACME = SEED_TENANTS.find(tenant => tenant.slug === 'acme')!
/** Part of the address only, from its middle: the search matches anywhere in it. */
const PARTIAL = OWNER.email.slice(2, 10)

test('one search across tenants finds a person by part of their e-mail, with their memberships linking to the tenant', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/users')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users')

  await page.getByTestId('users-search').fill(PARTIAL)
  await expect(page).toHaveURL(url => url.pathname === '/users' && url.searchParams.get('q') === PARTIAL)
  const row = page.getByTestId(`user-${OWNER.email}`)
  await expect(row).toContainText(OWNER.name)
  const membership = row.getByTestId(`membership-${ACME.slug}`)
  await expect(membership.getByTestId('membership-tenant')).toHaveText(ACME.name)
  await expect(membership.getByTestId('membership-role')).toHaveText('Owner')
  await expect(membership).toHaveAttribute('data-active', 'true')

  // The table shows what the API answers for the same search, no more.
  const answer = ZPage(ZUserSearchItem).parse(await (await page.request.get(`/api/users?q=${encodeURIComponent(PARTIAL)}`)).json())
  expect(answer.items.map(user => user.email)).toContain(OWNER.email)
  await expect(page.getByTestId('users-table').locator('tbody tr')).toHaveCount(answer.items.length)
  await expectNoSeriousA11yViolations(page)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  await membership.getByTestId('membership-tenant').click()
  await expect(page).toHaveURL(url => url.pathname === `/tenants/${ACME.slug}`)
  // Back returns to the search, box filled in.
  await page.goBack()
  await expect(page.getByTestId('users-search')).toHaveValue(PARTIAL)
  await expect(page.getByTestId(`user-${OWNER.email}`)).toBeVisible()
})

test('the search sorts through the URL, says when nobody matches, and the BFF refuses a bad query with a 400', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/users?q=acme.test')
  const emails = () => page.getByTestId('users-table').locator('tbody tr').evaluateAll(rows => rows.map(row => row.getAttribute('data-testid')))
  await expect(page.getByTestId(`user-${OWNER.email}`)).toBeVisible()

  await page.getByTestId('sort-email').click()
  await expect(page).toHaveURL(url => url.searchParams.get('sort') === '-email')
  await expect(page.getByTestId('sort-email').locator('xpath=ancestor::th')).toHaveAttribute('aria-sort', 'descending')
  const descending = await emails()
  expect(descending.length).toBeGreaterThan(1)
  expect(descending).toEqual([...descending].sort().reverse())

  await page.getByTestId('users-search').fill('nobody-has-this-address')
  await expect(page.getByTestId('empty-state')).toContainText('Nobody matches')
  await expectNoSeriousA11yViolations(page)

  const bad = await page.request.get('/api/users?sort=password')
  expect(bad.status()).toBe(400)
  expect(await bad.text()).not.toMatch(JWT_SHAPED)
})
