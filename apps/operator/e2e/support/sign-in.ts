import type { IdpUser } from '@dezky/twins'
import type { Page } from '@playwright/test'
import { signInAtIdp } from '@dezky/e2e-support'
import { expect } from '@playwright/test'
import { STACK } from './stack'

/** Signs in at the IdP form and waits until the console has taken the user to `landing`. */
export async function signIn(page: Page, user: Pick<IdpUser, 'username' | 'password'>, landing = '/') {
  await signInAtIdp(page, STACK.idpIssuer, user)
  await expect(page).toHaveURL(url => url.origin === STACK.appUrl && url.pathname === landing)
}
