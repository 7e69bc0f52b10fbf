import { stackControl } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { SEED_TENANT, TENANT_OWNER } from '../support/demo'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

/** The layer refreshes an access token 60 s before it expires (`expirationThreshold`). */
const REFRESH_THRESHOLD_S = 60
/** Just over the threshold: a few seconds after sign-in the token is due, and the refreshed one is not. */
const SHORT_TTL_S = REFRESH_THRESHOLD_S + 5
const IDP_DEFAULT_TTL_S = 300

test('ten concurrent requests of one session with an expiring token cause one refresh, and all succeed', async ({ page }) => {
  const control = stackControl(STACK)
  await control.setAccessTokenTtl(SHORT_TTL_S)
  try {
    await signIn(page, TENANT_OWNER, `/t/${SEED_TENANT.slug}`)
    // Leave the dashboard, whose live updates would call the BFF (and refresh) on their own.
    await page.goto('about:blank')
    await new Promise(resolve => setTimeout(resolve, (SHORT_TTL_S - REFRESH_THRESHOLD_S + 1) * 1000))
    await control.resetTokenGrants()

    const answers = await Promise.all(Array.from({ length: 10 }, () => page.request.get('/api/me')))

    expect(answers.map(answer => answer.status())).toEqual(Array.from({ length: 10 }).fill(200))
    expect(await control.tokenGrants()).toEqual({ refresh_token: 1 })
    // The refreshed token is in use: later requests need no further refresh.
    expect((await page.request.get(`/api/tenants/${SEED_TENANT.slug}`)).status()).toBe(200)
    expect(await control.tokenGrants()).toEqual({ refresh_token: 1 })
  }
  finally {
    await control.setAccessTokenTtl(IDP_DEFAULT_TTL_S)
  }
})
