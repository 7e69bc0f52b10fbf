import type { SeedTenant } from '@dezky/e2e-support'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_LAUNCH_OPTIONS, defineStackLayout, demoUserInGroup, signInAtIdp, startStack } from '@dezky/e2e-support'
import { freePort } from '@dezky/twins'
import { chromium } from '@playwright/test'

export const BENCH_TENANT = {
  slug: 'acme',
  name: 'Acme Contabilidade',
  plan: 'business',
  partnerSlug: 'nimbus',
  domains: ['acme.test'],
} satisfies SeedTenant
const OWNER = demoUserInGroup('tenant:acme:owner')

export interface BenchStack {
  appUrl: string
  apiUrl: string
  /** The portal session of the tenant owner, as the browser sends it. */
  cookie: string
  /** An access token of the same user, with the same claims, for calling the API directly. */
  token: string
  stop: () => Promise<void>
}

/** Long enough that no token expires (and no refresh happens) while a benchmark runs. */
const TOKEN_TTL_S = 3600
const PROVISIONED_TIMEOUT_MS = 60_000

async function waitUntilActive(apiUrl: string, token: string) {
  const deadline = Date.now() + PROVISIONED_TIMEOUT_MS
  while (Date.now() < deadline) {
    const tenant = await (await fetch(`${apiUrl}/tenants/${BENCH_TENANT.slug}`, {
      headers: { authorization: `Bearer ${token}` },
    })).json() as { status: string }
    if (tenant.status === 'active')
      return
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error(`tenant ${BENCH_TENANT.slug} did not turn active within ${PROVISIONED_TIMEOUT_MS / 1000} s`)
}

/**
 * The whole product as the portal's e2e suite runs it (twins, API with its reconciler, the built portal),
 * on free ports, with the demo tenant provisioned and its owner signed in through the IdP's real form.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const layout = defineStackLayout({
    clientId: 'dezky-portal',
    ports: {
      app: await freePort(),
      api: await freePort(),
      idp: await freePort(),
      twins: {
        stalwart: 0,
        ocis: 0,
        smtp: 0,
        smtpHttp: 0,
        dns: 0,
      },
      control: await freePort(),
    },
  })
  const stack = await startStack(layout, {
    partners: [
      { slug: 'nimbus', name: 'Nimbus Cloud Parceiros' },
    ],
    tenants: [BENCH_TENANT],
  }, {
    appDir: fileURLToPath(new URL('..', import.meta.url)),
  })
  try {
    stack.idp.setAccessTokenTtl(TOKEN_TTL_S)
    const token = await stack.idp.issueAccessToken({ sub: OWNER.subject, ttlSeconds: TOKEN_TTL_S })
    await waitUntilActive(stack.apiUrl, token)

    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
    let cookie: string
    try {
      const page = await browser.newPage({ baseURL: layout.appUrl })
      await signInAtIdp(page, layout.idpIssuer, OWNER)
      await page.waitForURL(url => url.origin === layout.appUrl)
      cookie = (await page.context().cookies(layout.appUrl)).map(c => `${c.name}=${c.value}`).join('; ')
    }
    finally {
      await browser.close()
    }
    return {
      appUrl: layout.appUrl,
      apiUrl: stack.apiUrl,
      cookie,
      token,
      stop: stack.stop,
    }
  }
  catch (error) {
    await stack.stop()
    throw error
  }
}
