import { demoUserInGroup, expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_PARTNERS, SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'

// `noc` is read-only everywhere; a technician may work on tenants but not decide who resells whom.
const READ_ONLY = ['noc', 'technician'] as const
const PARTNER = SEED_PARTNERS[0]!
const DIRECT = SEED_TENANTS.find(tenant => !tenant.partnerSlug)!

for (const role of READ_ONLY) {
  test(`a ${role} operator reads partners and the audit log but gets no control that changes them, and the API refuses a forged change`, async ({ page }) => {
    await signIn(page, demoUserInGroup(`operator:${role}`))
    await page.goto('/partners')
    await expect(page.getByTestId(`partner-${PARTNER.slug}`)).toContainText(PARTNER.name)
    await expect(page.getByTestId('new-partner')).toHaveCount(0)

    await page.goto(`/partners/${PARTNER.slug}`)
    await expect(page.getByTestId('partner-title')).toHaveText(PARTNER.name)
    await expect(page.getByTestId('customer-table')).toBeVisible()
    await expect(page.getByTestId('partner-edit-name')).toBeDisabled()
    await expect(page.getByTestId('brand-product-name')).toBeDisabled()
    for (const control of ['partner-details-save', 'branding-save', 'attach-tenant'])
      await expect(page.getByTestId(control)).toHaveCount(0)
    await expect(page.locator('[data-testid^="detach-"]')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)

    await page.goto('/audit')
    await expect(page.getByTestId('audit-list')).toBeVisible()
    await expect(page.getByTestId('audit-verify')).toHaveCount(0)

    // Forged requests through the BFF: the API decides, and says no.
    const forged = [
      await page.request.post('/api/partners', {
        data: { slug: 'forged-partner', name: 'Forged' },
      }),
      await page.request.patch(`/api/partners/${PARTNER.slug}`, {
        data: { name: 'Forged' },
      }),
      await page.request.put(`/api/partners/${PARTNER.slug}/tenants/${DIRECT.slug}`),
      await page.request.get('/api/audit/verify'),
    ]
    for (const answer of forged) {
      expect(answer.status(), answer.url()).toBe(403)
      const body = await answer.text()
      expect(body).not.toMatch(JWT_SHAPED)
      expect(JSON.parse(body)).toMatchObject({
        statusCode: 403,
        data: {
          requestId: expect.any(String),
        },
      })
    }
    expect((await page.request.get(`/api/partners/forged-partner`)).status()).toBe(404)
    expect(await page.content()).not.toMatch(JWT_SHAPED)
  })
}
