import type { IdpUser } from '@dezky/twins'
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** Opens the app, which sends a signed-out browser to the IdP twin's login form, and signs in there. */
export async function signInAtIdp(page: Page, idpIssuer: string, user: Pick<IdpUser, 'username' | 'password'>) {
  await page.goto('/')
  await expect(page).toHaveURL(url => url.href.startsWith(`${idpIssuer}/interaction/`))
  await page.locator('#login').fill(user.username)
  await page.locator('#password').fill(user.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
}
