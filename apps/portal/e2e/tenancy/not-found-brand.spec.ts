import type { TTenant } from '@dezky/contracts'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { OTHER_TENANT, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

const TENANT = `/t/${SEED_TENANT.slug}`
const BRAND = { productName: 'Acme Marca Própria', primaryColor: '#7c2d12' }

/** What a page shows of its brand and of itself, with the URL's tenant slug taken out. */
async function look(page: Page, path: string, slug: string) {
  const response = await page.goto(path)
  await expect(page.getByTestId('sidebar').getByRole('list')).not.toHaveAttribute('aria-busy', 'true')
  return {
    status: response?.status(),
    // The server's answer itself, script nonces aside (fresh on every response).
    html: (await response!.text()).replaceAll(slug, '<slug>').replace(/nonce="[^"]*"/g, 'nonce=""'),
    brand: await page.evaluate(() => document.documentElement.getAttribute('style')),
    title: await page.title(),
    productName: await page.getByTestId('product-name').textContent(),
    text: (await page.locator('#__nuxt').textContent())!.replaceAll(slug, '<slug>'),
  }
}

test('the not-found page wears the brand of a tenant the user can see, and the default one elsewhere, alike for another tenant and none', async ({ page }) => {
  await signIn(page, TENANT_OWNER, TENANT)
  const original = await (await page.request.get(`/api/tenants/${SEED_TENANT.slug}`)).json() as TTenant
  expect((await page.request.patch(`/api/tenants/${SEED_TENANT.slug}`, {
    data: {
      branding: {
        ...original.branding,
        ...BRAND,
      },
    },
  })).status()).toBe(200)
  try {
    const dashboard = await look(page, TENANT, SEED_TENANT.slug)
    expect(dashboard.productName).toContain(BRAND.productName)

    // Inside the owner's tenant: its brand, server-rendered.
    const missingPage = await look(page, `${TENANT}/no-such-page`, SEED_TENANT.slug)
    expect(missingPage.status).toBe(404)
    expect(missingPage.brand).toBe(dashboard.brand)
    expect(missingPage.productName).toBe(dashboard.productName)
    expect(missingPage.title).toContain(BRAND.productName)

    // Another tenant and a tenant that does not exist: the same page, in the default brand.
    const otherTenant = await look(page, `/t/${OTHER_TENANT.slug}`, OTHER_TENANT.slug)
    const noTenant = await look(page, '/t/no-such-tenant', 'no-such-tenant')
    expect(otherTenant.status).toBe(404)
    expect(noTenant).toEqual(otherTenant)
    expect(otherTenant.brand).not.toBe(dashboard.brand)
    expect(otherTenant.productName).not.toContain(BRAND.productName)
    expect(otherTenant.text).not.toContain(OTHER_TENANT.name)
  }
  finally {
    await page.request.patch(`/api/tenants/${SEED_TENANT.slug}`, {
      data: { branding: original.branding },
    })
  }
})
