import { demoUserInGroup } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_PARTNER, SEED_TENANT } from '../support/demo'
import { signIn } from '../support/sign-in'

const PARTNER_AGENT = demoUserInGroup(`partner:${SEED_PARTNER.slug}:partner_agent`)
const PARTNER_HOME = `/p/${SEED_PARTNER.slug}`

test('a partner agent gets no "new customer" button, and the form says that creating customers needs the admin role', async ({ page }) => {
  const slug = `agent-${Date.now().toString(36)}`
  await signIn(page, PARTNER_AGENT, PARTNER_HOME)
  await expect(page.getByTestId(`customer-${SEED_TENANT.slug}`)).toBeVisible()
  await expect(page.getByTestId('new-customer')).toHaveCount(0)

  // The address still opens the form; the API refuses, and the form says why.
  await page.goto(`${PARTNER_HOME}/customers/new`)
  const form = page.getByTestId('create-customer')
  await form.getByTestId('customer-name').fill(`Agent Attempt ${slug}`)
  await form.getByTestId('customer-slug').fill(slug)
  await form.getByTestId('customer-domain').fill(`${slug}.test`)
  await form.getByTestId('owner-name').fill('Carla Mendes')
  await form.getByTestId('owner-email').fill(`carla@${slug}.test`)
  await form.getByTestId('create-customer-submit').click()
  await expect(form.getByTestId('create-customer-error')).toContainText(/partner admins|administradores do parceiro/)
  await expect(page).toHaveURL(url => url.pathname === `${PARTNER_HOME}/customers/new`)
})
