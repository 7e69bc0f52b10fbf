import { demoUserInGroup, expectNoSeriousA11yViolations, flagOperator, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

const KEY = 'e2e.read-only-check'
const TENANT = SEED_TENANTS[0]!
/** Every control that changes a flag, by test id. */
const WRITE_CONTROLS = [
  'flag-rule-save',
  'flag-add-strategy',
  'flag-override-form',
  'flag-schedule-form',
  'flag-archive',
  'flag-details-save',
]

test.beforeAll(async () => {
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(KEY, 'Read-only check')
  await operator.set(KEY, { state: 'rollout', rolloutPercent: 40, stickiness: 'tenant' })
})

test('a noc operator reads flags and a tenant\'s Flags tab but gets no control that changes them, and the API refuses a forged change', async ({ page }) => {
  await signIn(page, demoUserInGroup('operator:noc'))
  await page.goto('/flags')
  await expect(page.getByTestId(`flag-${KEY}`)).toBeVisible()
  await expect(page.getByTestId('new-flag')).toHaveCount(0)

  await page.goto(`/flags/${KEY}`)
  await expect(page.getByTestId('flag-title')).toHaveText('Read-only check')
  await expect(page.getByTestId('flag-read-only')).toBeVisible()
  await expect(page.getByTestId('flag-state-rollout')).toBeChecked()
  await expect(page.getByTestId('flag-state-rollout')).toBeDisabled()
  await expect(page.getByTestId('flag-rollout-range')).toBeDisabled()
  for (const control of [...WRITE_CONTROLS, 'flag-kill-submit'])
    await expect(page.getByTestId(control), control).toHaveCount(0)
  await expect(page.getByTestId('flag-history').getByTestId('audit-action').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.goto(`/tenants/${TENANT.slug}/flags`)
  await expect(page.getByTestId(`tenant-flag-${KEY}`).getByTestId('tenant-flag-why')).toContainText('bucket')

  // Forged requests through the BFF: the API decides, and says no.
  const base = `/api/flags/${KEY}`
  const forged = [
    await page.request.post('/api/flags', {
      data: { key: 'e2e.forged', name: 'Forged', type: 'release' },
    }),
    await page.request.put(`${base}/environments/${FLAGS_ENVIRONMENT}`, {
      data: { state: 'on' },
      headers: { 'if-match': '"1"' },
    }),
    await page.request.post(`${base}/kill`, {
      data: { reason: 'Forged kill' },
    }),
    await page.request.put(`${base}/overrides/${FLAGS_ENVIRONMENT}/tenant/${TENANT.slug}`, {
      data: { value: true },
    }),
    await page.request.post(`${base}/schedules`, {
      data: {
        environment: FLAGS_ENVIRONMENT,
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
        change: { state: 'on' },
      },
    }),
    await page.request.post(`${base}/archive`),
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
  const flag = await (await page.request.get(base)).json()
  expect(flag).toMatchObject({
    kill: null,
    archivedAt: null,
    overrides: [],
    environments: {
      [FLAGS_ENVIRONMENT]: { state: 'rollout' },
    },
  })
  expect((await page.request.get('/api/flags/e2e.forged')).status()).toBe(404)
})

test('a technician may pull the kill switch but not change a flag\'s rules', async ({ page }) => {
  await signIn(page, demoUserInGroup('operator:technician'))
  await page.goto(`/flags/${KEY}`)
  await expect(page.getByTestId('flag-kill-submit')).toBeVisible()
  for (const control of WRITE_CONTROLS)
    await expect(page.getByTestId(control), control).toHaveCount(0)
  const answer = await page.request.put(`/api/flags/${KEY}/environments/${FLAGS_ENVIRONMENT}`, {
    data: { state: 'on' },
  })
  expect(answer.status()).toBe(403)
})
