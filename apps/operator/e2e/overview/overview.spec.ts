import type { Page } from '@playwright/test'
import { TENANT_STATUSES, ZOverview, ZProbeList } from '@dezky/contracts'
import { expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_PARTNERS, SEED_TENANTS, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

/** The API's own numbers, through the BFF with the operator's session, as the page gets them. */
async function apiOverview(page: Page) {
  const answer = await page.request.get('/api/overview')
  expect(answer.status()).toBe(200)
  return ZOverview.parse(await answer.json())
}

test('the overview shows the API\'s counts, today\'s creations in the chart, recent audit and probe health', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)

  // The reconciler keeps working in the background (a tenant turns active, a step fails): compare one
  // render with the API's answer right after it, and look again if the two straddle a change.
  await expect(async () => {
    await page.goto('/')
    const overview = await apiOverview(page)
    await expect(page.getByTestId('overview-tenants-total')).toHaveAttribute('data-value', String(overview.tenants.total))
    for (const status of TENANT_STATUSES)
      await expect(page.getByTestId(`overview-status-${status}`)).toHaveAttribute('data-value', String(overview.tenants.byStatus[status]))
    await expect(page.getByTestId('overview-kpi-errors')).toHaveAttribute('data-value', String(overview.provisioning.tenantsInError))
    for (const slug of overview.provisioning.tenantsInErrorSample)
      await expect(page.getByTestId(`overview-error-tenant-${slug}`)).toHaveAttribute('href', `/tenants/${slug}/provisioning`)
    await expect(page.getByTestId('overview-kpi-new')).toHaveAttribute('data-value', String(overview.tenants.newThisWeek))
    await expect(page.getByTestId('overview-kpi-users')).toHaveAttribute('data-value', String(overview.users.total))
    await expect(page.getByTestId('overview-kpi-partners')).toHaveAttribute('data-value', String(overview.partners.total))

    // The chart ends on the API's day, and its last bar is today's creations.
    const today = overview.tenants.createdDaily.at(-1)!
    await expect(page.getByTestId('overview-chart-today')).toHaveAttribute('data-date', overview.asOf.slice(0, 10))
    await expect(page.getByTestId('overview-chart-today')).toHaveAttribute('data-count', String(today.count))
    await expect(page.getByTestId('overview-chart').locator('rect')).toHaveCount(30)
  }).toPass({ timeout: 30_000 })

  // The seed made these today, through the API: they are in the counts and in today's bar.
  const overview = await apiOverview(page)
  expect(overview.tenants.total).toBeGreaterThanOrEqual(SEED_TENANTS.length)
  expect(overview.tenants.newThisWeek).toBeGreaterThanOrEqual(SEED_TENANTS.length)
  expect(overview.tenants.createdDaily.at(-1)!.count).toBeGreaterThanOrEqual(SEED_TENANTS.length)
  expect(overview.partners.total).toBeGreaterThanOrEqual(SEED_PARTNERS.length)
  await expect(page.getByTestId('overview-chart-summary')).toContainText(/\d+ tenants created in the last 30 days, \d+ today/)
  const chart = page.getByTestId('overview-chart').getByRole('img')
  await expect(chart).toHaveAccessibleName('Tenants created per day, last 30 days (UTC)')

  // Recent audit: at most ten lines, each a sentence with its actor; the heading's link opens the log.
  const entries = page.getByTestId('overview-audit-entry')
  await expect(entries.first()).toBeVisible()
  expect(await entries.count()).toBeLessThanOrEqual(10)
  await expect(entries.first().getByTestId('overview-audit-actor')).not.toBeEmpty()

  // Probe health: one line per probe the API lists, and "Live" only where the API says ok.
  const probes = ZProbeList.parse(await (await page.request.get('/api/system/probes')).json())
  for (const probe of probes.probes) {
    const line = page.getByTestId(`overview-probe-${probe.name}`)
    await expect(line).toBeVisible()
    if (probe.status !== 'ok')
      await expect(line.getByTestId('overview-probe-status')).toHaveAttribute('data-live', 'false')
  }
  await expect(page.getByTestId('overview-probe-status')).toHaveCount(probes.probes.length)

  await expectNoSeriousA11yViolations(page)
  expect(await page.content()).not.toMatch(JWT_SHAPED)

  await page.getByTestId('overview-audit-link').click()
  await expect(page).toHaveURL(url => url.pathname === '/audit')
})

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' })

  test('the chart\'s days are written the pt-BR way, and its table gives every one of the 30', async ({ page }) => {
    await signIn(page, SUPER_ADMIN)
    const overview = await apiOverview(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visão geral')
    const table = page.getByTestId('overview-chart').locator('table')
    await expect(table.locator('tbody tr')).toHaveCount(30)
    const today = overview.asOf.slice(0, 10)
    const written = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`))
    await expect(table.locator('tbody tr').last().locator('th')).toHaveText(written)
    await expect(page.getByTestId('overview-chart-summary')).toContainText('clientes criados nos últimos 30 dias')
    await expectNoSeriousA11yViolations(page)
  })
})
