import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { NOC, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

const INTERVAL_MS = Number(STACK.apiEnv.PROBE_INTERVAL_SECONDS) * 1000
const PROBES = [
  'authentik',
  'stalwart',
  'ocis',
  'smtp',
  'postgres',
]
/** The Stalwart twin's admin endpoint: its health answers fail while the fault is set, mail keeps working. */
const STALWART_FAULTS = `http://127.0.0.1:${STACK.ports.twins!.stalwart}/__twin/faults`

async function setStalwartHealthFault(on: boolean) {
  const answer = on
    ? await fetch(STALWART_FAULTS, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorRate: 1,
          errorStatus: 503,
          paths: ['/healthz/'],
        }),
      })
    : await fetch(STALWART_FAULTS, { method: 'DELETE' })
  expect(answer.ok).toBe(true)
}

function probe(page: Page, name: string) {
  return page.getByTestId(`probe-${name}`)
}

test('every dependency of the real stack is probed and shown live, with its recent checks and history', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/infrastructure')
  for (const name of PROBES) {
    const card = probe(page, name)
    await expect(card.getByTestId('probe-status')).toHaveAttribute('data-live', 'true', { timeout: 2 * INTERVAL_MS + 5_000 })
    await expect(card.getByTestId('probe-status')).toHaveText('Live')
    await expect(card.getByTestId('probe-target')).toHaveText(/:\d+$/)
    await expect(card.getByTestId('probe-latency')).toHaveText(/^\d+ ms$/)
    await expect(card.getByTestId('probe-last-checked').locator('time')).toHaveAttribute('datetime', /T/)
    await expect(card.getByRole('img')).toHaveAttribute('aria-label', /checks of .*: [1-9]\d* succeeded/)
  }
  await expect(page.getByTestId('infrastructure-live')).toHaveAttribute('data-live', 'true')
  await expectNoSeriousA11yViolations(page)

  await probe(page, 'postgres').getByTestId('probe-run-postgres').click()
  await expect(page.getByTestId('toast-success')).toContainText('PostgreSQL (database) checked: Live')

  await probe(page, 'stalwart').getByTestId('probe-history-stalwart').click()
  await expect(page).toHaveURL(/\/infrastructure\/stalwart$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stalwart (mail): history')
  await expect(page.locator('[data-testid="probe-history"] tbody tr[data-ok="true"]').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  expect(await page.content()).not.toMatch(JWT_SHAPED)
})

test('a dependency that starts failing turns red within one probe interval, and green again once it recovers', async ({ page }) => {
  await signIn(page, SUPER_ADMIN)
  await page.goto('/infrastructure')
  const status = probe(page, 'stalwart').getByTestId('probe-status')
  await expect(status).toHaveAttribute('data-live', 'true', { timeout: 2 * INTERVAL_MS + 5_000 })
  // Let the page's stream connect, so the change arrives as an event rather than by the periodic refresh.
  await expect(page.getByTestId('infrastructure-live')).toHaveAttribute('data-live', 'true')

  try {
    await setStalwartHealthFault(true)
    const failingSince = Date.now()
    // One interval until the next round, plus the check, the event and the page's reload of the list.
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: INTERVAL_MS + 1_500 })
    test.info().annotations.push({ type: 'red after', description: `${Date.now() - failingSince} ms` })
    await expect(status).toHaveText('Down')
    await expect(status).toHaveAttribute('data-tone', 'danger')
    await expect(probe(page, 'stalwart').getByTestId('probe-last-error')).toContainText('503')
    await expect(probe(page, 'stalwart').getByRole('img')).toHaveAttribute('aria-label', /[1-9]\d* failed/)
    await expectNoSeriousA11yViolations(page)
  }
  finally {
    await setStalwartHealthFault(false)
  }
  const recoveringSince = Date.now()
  await expect(status).toHaveAttribute('data-live', 'true', { timeout: INTERVAL_MS + 1_500 })
  test.info().annotations.push({ type: 'green after', description: `${Date.now() - recoveringSince} ms` })
  // The reason of the outage stays readable after the recovery.
  await expect(probe(page, 'stalwart').getByTestId('probe-last-error')).toContainText('503')
})

test('a noc operator sees the probes but cannot run one, and the API refuses a forged run', async ({ page }) => {
  await signIn(page, NOC)
  await page.goto('/infrastructure')
  await expect(probe(page, 'postgres').getByTestId('probe-status')).toHaveAttribute('data-status', /ok|unknown/)
  await expect(page.locator('[data-testid^="probe-run-"]')).toHaveCount(0)
  await expect(page.getByTestId('probe-history-postgres')).toBeVisible()

  const forged = await page.request.post('/api/system/probes/postgres/run')
  expect(forged.status()).toBe(403)
  const body = await forged.text()
  expect(body).not.toMatch(JWT_SHAPED)
  expect(JSON.parse(body)).toMatchObject({
    statusCode: 403,
    data: {
      requestId: expect.any(String),
    },
  })
})
