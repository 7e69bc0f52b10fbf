import type { TTenantServices } from '@dezky/contracts'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

test('the services page offers webmail, files and the SSO applications with their real URLs', async ({ page }) => {
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
  await page.goto(`/t/${SEED_TENANT.slug}/services`)

  const { items } = await (await page.request.get(`/api/tenants/${SEED_TENANT.slug}/services`)).json() as TTenantServices
  expect(items.map(item => item.kind)).toEqual(expect.arrayContaining(['webmail', 'files']))
  for (const item of items) {
    const card = page.getByTestId(`service-${item.key}`)
    await expect(card).toContainText(item.name)
    await expect(card.getByRole('link').first()).toHaveAttribute('href', item.url)
  }
})
