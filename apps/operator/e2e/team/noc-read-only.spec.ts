import { expectNoSeriousA11yViolations, JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { NOC, SUPER_ADMIN } from '../support/demo'
import { signIn } from '../support/sign-in'

test('a noc operator reads the team without a control that changes it, and the API refuses forged changes', async ({ page }) => {
  await signIn(page, NOC)
  await page.goto('/team')
  await expect(page.locator(`[data-testid="team-table"] tr[data-email="${SUPER_ADMIN.email}"]`)).toHaveAttribute('data-role', 'super_admin')
  await expect(page.getByTestId('team-read-only')).toBeVisible()
  for (const control of ['add-operator', 'operator-role-select', 'operator-remove'])
    await expect(page.getByTestId(control)).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  const forged = [
    await page.request.post('/api/operators', {
      data: { email: 'forged@dezky.test', name: 'Forged', role: 'super_admin' },
    }),
    await page.request.patch(`/api/operators/${NOC.subject}`, {
      data: { role: 'super_admin' },
    }),
    await page.request.patch(`/api/operators/${SUPER_ADMIN.subject}`, {
      data: { role: 'noc' },
    }),
    await page.request.delete(`/api/operators/${SUPER_ADMIN.subject}`),
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
  const team = await page.request.get('/api/operators', {
    params: { q: 'forged@dezky.test' },
  })
  expect((await team.json()).items).toEqual([])
  await page.reload()
  await expect(page.locator(`[data-testid="team-table"] tr[data-email="${SUPER_ADMIN.email}"]`)).toHaveAttribute('data-role', 'super_admin')
})
