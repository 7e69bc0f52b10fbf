import type { TTenantDomain } from '@dezky/contracts'
import { stackControl } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

test('adding a domain shows every record to publish; a record published in DNS turns ok on "check"', async ({ page }) => {
  // A fresh name per attempt, so a retry never meets the domain the first attempt added.
  const domain = `e2e-${Date.now().toString(36)}.test`
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
  await page.goto(`/t/${SEED_TENANT.slug}/domains`)

  const form = page.getByTestId('add-domain')
  await form.getByTestId('add-domain-name').fill(domain)
  await form.getByTestId('add-domain-submit').click()

  const card = page.getByTestId(`domain-${domain}`)
  await expect(card).toBeVisible()
  await expect(card).toHaveAttribute('data-verified', 'false')
  const verification = card.getByTestId('record-verification-0')
  await expect(verification).toHaveAttribute('data-check', /unchecked|missing/)
  for (const purpose of ['mx', 'spf', 'dmarc'])
    await expect(card.locator(`[data-testid^="record-${purpose}-"]`).first()).toBeVisible()

  const answer = await page.request.get(`/api/tenants/${SEED_TENANT.slug}/domains/${domain}`)
  expect(answer.status()).toBe(200)
  const { verification: record } = await answer.json() as TTenantDomain
  await expect(verification).toContainText(record.value)

  await stackControl(STACK).setDnsRecords([
    { name: record.name, type: 'TXT', value: record.value },
  ])
  await card.getByTestId(`check-domain-${domain}`).click()

  await expect(verification).toHaveAttribute('data-check', 'ok')
  await expect(card).toHaveAttribute('data-verified', 'true')
  // Nothing else was published: the MX record is still missing.
  await expect(card.getByTestId('record-mx-0')).toHaveAttribute('data-check', 'missing')
})
