import { expect, test } from '@playwright/test'
import { PARTNER_ADMIN, SEED_PARTNER, SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

test('a partner renames its product, sees it in the preview, and its customers\' people see it in the portal', async ({ browser, page }) => {
  const productName = `Nimbus Workspace ${Date.now().toString(36)}`
  await signIn(page, PARTNER_ADMIN, `/p/${SEED_PARTNER.slug}`)
  await page.goto(`/p/${SEED_PARTNER.slug}/branding`)

  const form = page.getByTestId('branding-form')
  await form.getByTestId('brand-product-name').fill(productName)
  await expect(page.getByTestId('brand-preview-name')).toHaveText(productName)
  await form.getByTestId('branding-save').click()
  await expect(page.getByTestId('product-name')).toContainText(productName)

  // Someone of a customer company, in a browser of their own.
  const customer = await browser.newContext()
  try {
    const customerPage = await customer.newPage()
    await signIn(customerPage, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
    await expect(customerPage.getByTestId('product-name')).toContainText(productName)
  }
  finally {
    await customer.close()
  }
})
