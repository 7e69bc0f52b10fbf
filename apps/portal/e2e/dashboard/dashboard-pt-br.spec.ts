import { expect, test } from '@playwright/test'
import ptBR from '../../i18n/locales/pt-BR/dashboard.json' with { type: 'json' }
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'

test.use({ locale: 'pt-BR' })

test('a browser in Brazilian Portuguese gets the dashboard in pt-BR', async ({ page }) => {
  await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)

  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR')
  const main = page.getByRole('main')
  await expect(page.getByRole('link', { name: ptBR.dashboard.nav })).toBeVisible()
  await expect(main).toContainText(ptBR.dashboard.provisioning.title)
  await expect(main).toContainText(ptBR.dashboard.usage.title)
  await expect(page.getByTestId('provisioning-mail')).toContainText(ptBR.dashboard.provisioning.steps.mail)
})
