import type { IdpUser } from '@dezky/twins'
import type { Page } from '@playwright/test'
import { signInAtIdp } from '@dezky/e2e-support'
import { expect } from '@playwright/test'
import { STACK } from './stack'

/** Signs in at the IdP form and waits until the portal has taken the user to their home page. */
export async function signIn(page: Page, user: Pick<IdpUser, 'username' | 'password'>, home: string | RegExp) {
  await signInAtIdp(page, STACK.idpIssuer, user)
  await expect(page).toHaveURL(url => url.origin === STACK.appUrl && (typeof home === 'string'
    ? url.pathname === home
    : home.test(url.pathname)))
}
