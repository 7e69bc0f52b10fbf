import type { IdpUser } from '@dezky/twins'
import type { Page } from '@playwright/test'
import { signInAtIdp } from '@dezky/e2e-support'
import { expect } from '@playwright/test'
import { STACK } from '../support/stack'

/** Signs in at the IdP twin, waits until the console has taken the operator in, then opens `path`. */
export async function signInOperator(page: Page, user: Pick<IdpUser, 'username' | 'password'>, path: string) {
  await signInAtIdp(page, STACK.idpIssuer, user)
  await expect(page).toHaveURL(url => url.origin === STACK.appUrl && !url.pathname.startsWith('/auth/'))
  await page.goto(path)
}
