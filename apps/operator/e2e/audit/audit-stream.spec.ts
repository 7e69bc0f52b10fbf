import type { TAuditEntry } from '@dezky/contracts'
import { readFile } from 'node:fs/promises'
import { ZAuditEntry } from '@dezky/contracts'
import { expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

const TENANT = SEED_TENANTS[0]!
const CSV_HEADER = 'seq,id,at,actorSubject,actorRoles,actorEmail,actorName,actingAs,action,targetType,targetId,tenantSlug,requestId,ip,userAgent,changes,prevHash,hash'

test.beforeEach(async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/audit')
  await expect(page.getByTestId('audit-list')).toBeVisible()
})

test('filters narrow the stream and live in the URL; a bad action is explained, not sent', async ({ page }) => {
  const entries = page.getByTestId('audit-list').locator('> li')
  const all = await entries.count()
  expect(all).toBeGreaterThan(1)

  await page.getByTestId('audit-filter-action').fill('Tenant Update')
  await page.getByTestId('audit-filter-apply').click()
  await expect(page.getByTestId('audit-filter-action-error')).toBeVisible()
  await expect(page).toHaveURL(url => !url.searchParams.has('action'))

  await page.getByTestId('audit-filter-action').fill('tenant.*')
  await page.getByTestId('audit-filter-tenant').fill(TENANT.slug)
  await page.getByTestId('audit-filter-apply').click()
  await expect(page).toHaveURL(url => url.searchParams.get('action') === 'tenant.*' && url.searchParams.get('tenant') === TENANT.slug)
  await expect(entries.first()).toHaveAttribute('data-tenant', TENANT.slug)
  // Retried until the filtered page is shown: no entry of another action or tenant is left.
  await expect(page.locator('[data-testid^="audit-entry-"]:not([data-action^="tenant."])')).toHaveCount(0)
  await expect(page.locator(`[data-testid^="audit-entry-"]:not([data-tenant="${TENANT.slug}"])`)).toHaveCount(0)
  expect(await entries.count()).toBeLessThan(all)

  // A reload keeps the filters (they are the URL).
  await page.reload()
  await expect(page.getByTestId('audit-filter-tenant')).toHaveValue(TENANT.slug)
  await expect(entries.first()).toHaveAttribute('data-tenant', TENANT.slug)

  await page.getByTestId('audit-filter-actor').fill(SUPER_ADMIN.subject)
  await page.getByTestId('audit-filter-apply').click()
  await expect(page).toHaveURL(url => url.searchParams.get('actor') === SUPER_ADMIN.subject)
  await expect(entries.first().getByTestId('audit-actor')).toHaveAttribute('data-subject', SUPER_ADMIN.subject)
  await expect(page.locator(`[data-testid="audit-actor"]:not([data-subject="${SUPER_ADMIN.subject}"])`)).toHaveCount(0)
  // Named as their token named them when they acted, not by the opaque subject.
  await expect(entries.first().getByTestId('audit-actor')).toHaveText(`${SUPER_ADMIN.name} <${SUPER_ADMIN.email}>`)

  // Nothing happened in 2099 yet.
  await page.getByTestId('audit-filter-from').fill('2099-01-01T00:00')
  await page.getByTestId('audit-filter-apply').click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByTestId('audit-filter-clear').click()
  await expect(page).toHaveURL(url => url.search === '')
  await expect(entries).toHaveCount(all)
})

test('the export downloads the filtered entries as JSON Lines and as CSV', async ({ page }) => {
  await page.getByTestId('audit-filter-action').fill('tenant.*')
  await page.getByTestId('audit-filter-apply').click()
  await expect(page).toHaveURL(url => url.searchParams.get('action') === 'tenant.*')
  await expect(page.locator('[data-testid^="audit-entry-"]:not([data-action^="tenant."])')).toHaveCount(0)
  const shown = await page.getByTestId('audit-list').locator('> li').count()

  const [jsonl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('audit-export-jsonl').click(),
  ])
  expect(jsonl.suggestedFilename()).toMatch(/^dezky-audit-[\dT-]+\.jsonl$/)
  const text = await readFile((await jsonl.path())!, 'utf8')
  expect(text).not.toMatch(JWT_SHAPED)
  expect(text.endsWith('\n')).toBe(true)
  const lines = text.split('\n').filter(Boolean)
  const exported: TAuditEntry[] = lines.map(line => ZAuditEntry.parse(JSON.parse(line)))
  expect(exported.length).toBeGreaterThanOrEqual(shown)
  for (const entry of exported) {
    expect(entry.action).toMatch(/^tenant\./)
    expect(entry.hash).toMatch(/^[\da-f]{64}$/)
  }
  // Newest first, like the stream.
  expect(exported.map(entry => entry.seq)).toEqual(exported.map(entry => entry.seq).sort((a, b) => b - a))

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('audit-export-csv').click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/^dezky-audit-[\dT-]+\.csv$/)
  const table = await readFile((await csv.path())!, 'utf8')
  const [header, ...rows] = table.split('\r\n').filter(Boolean)
  expect(header).toBe(CSV_HEADER)
  // Each row starts with the seq and id of an exported entry, in the same order.
  expect(rows.map(row => row.split(',').slice(0, 2).join(','))).toEqual(exported.map(entry => `${entry.seq},${entry.id}`))

  // The BFF answers an unknown format itself, before the API is asked.
  expect((await page.request.get('/api/audit/export?format=xml')).status()).toBe(400)
})

test('verifying the chain reports it intact with the number of entries checked', async ({ page }) => {
  await page.getByTestId('audit-verify').click()
  const result = page.getByTestId('audit-verify-result')
  await expect(result).toHaveAttribute('data-ok', 'true')
  await expect(result).toContainText(/The chain is intact: [\d,]+ entries checked/)
  await page.getByTestId('audit-list').locator('> li').first().getByTestId('audit-toggle').click()
  await expect(page.getByTestId('audit-diff').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
