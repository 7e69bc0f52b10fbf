import { demoUserInGroup, expectNoSeriousA11yViolations, flagOperator } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANTS } from '../support/demo'
import { signIn } from '../support/sign-in'
import { FLAGS_ENVIRONMENT, STACK } from '../support/stack'

const KEY = 'e2e.pt-br-keyboard'
const TENANT = SEED_TENANTS[0]!

test.use({ locale: 'pt-BR' })

test('a flag\'s page speaks Portuguese to a pt-BR browser, and its environments and rollout work from the keyboard', async ({ page }) => {
  const operator = await flagOperator(STACK, FLAGS_ENVIRONMENT)
  await operator.ensure(KEY, 'Teclado e português')
  await operator.set(KEY, { state: 'off' })
  await signIn(page, demoUserInGroup('operator:ops_lead'))

  await page.goto('/flags')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feature flags')
  await expect(page.getByTestId('new-flag')).toHaveText('Nova flag')

  await page.goto(`/flags/${KEY}`)
  await expect(page.getByRole('heading', { name: 'Regra em Development' })).toBeVisible()
  // The environment tabs: one tab stop, arrows move and open, and the URL follows.
  await page.getByTestId(`flag-env-${FLAGS_ENVIRONMENT}`).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(url => url.searchParams.get('env') === 'staging')
  await expect(page.getByTestId('flag-env-staging')).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Regra em Staging' })).toBeVisible()

  // The rollout from the keyboard: the slider moves a point per arrow, says it in words, and the
  // number box follows.
  await page.getByTestId('flag-state-rollout').check()
  const slider = page.getByTestId('flag-rollout-range')
  await slider.focus()
  for (let press = 0; press < 5; press++)
    await page.keyboard.press('ArrowRight')
  await expect(slider).toHaveAttribute('aria-valuetext', '5%')
  await expect(page.getByTestId('flag-rollout-number')).toHaveValue('5')
  await expect(page.getByLabel('Liberada para')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.goto(`/tenants/${TENANT.slug}/flags`)
  await expect(page.getByTestId(`tenant-flag-${KEY}`).getByTestId('tenant-flag-why')).toHaveText('Desligada para todos neste ambiente.')
  await expect(page.getByTestId('tab-flags')).toHaveText('Feature flags')
})
