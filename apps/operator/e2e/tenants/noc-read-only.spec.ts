import { expect, test } from '@playwright/test'
import { NOC } from '../support/demo'
import { signIn } from '../support/sign-in'

const TENANT = 'boreal'

test('a NOC operator sees the tenant but no control that changes it, and the API refuses a forged change', async ({ page }) => {
  await signIn(page, NOC)
  await page.goto(`/tenants/${TENANT}`)
  await expect(page.getByTestId('tenant-overview')).toBeVisible()

  await page.getByTestId('tab-users').click()
  await expect(page.getByTestId('users-read-only')).toBeVisible()
  await expect(page.getByTestId('users-table')).toBeVisible()
  await expect(page.locator('[data-testid^="toggle-access-"]')).toHaveCount(0)

  await page.getByTestId('tab-provisioning').click()
  await expect(page.getByTestId('step-identity')).toBeVisible()
  await expect(page.getByTestId('reconcile-now')).toHaveCount(0)
  await expect(page.locator('[data-testid^="retry-"]')).toHaveCount(0)

  await page.getByTestId('tab-danger').click()
  await expect(page.getByTestId('danger-read-only')).toBeVisible()
  await expect(page.locator('[data-testid^="lifecycle-"]')).toHaveCount(0)
  await expect(page.locator('main button, main form')).toHaveCount(0)

  // The console only hides what the API would refuse: a forged request through the BFF is refused by
  // the API, its problem mapped to the same status.
  for (const [path, body] of [
    [
      `/api/tenants/${TENANT}/suspend`,
      { reason: 'forged by a read-only operator' },
    ],
    [`/api/tenants/${TENANT}/reconcile`, undefined],
    [`/api/tenants/${TENANT}/provisioning/mail/retry`, undefined],
  ] as const) {
    const response = await page.request.post(path, { data: body })
    expect(response.status(), path).toBe(403)
    const problem = await response.json() as { statusCode: number, data: { requestId: string } }
    expect(problem.statusCode).toBe(403)
    expect(problem.data.requestId).toBeTruthy()
  }
  await page.reload()
  await expect(page.getByTestId('tenant-status')).not.toHaveAttribute('data-status', 'suspended')
})
