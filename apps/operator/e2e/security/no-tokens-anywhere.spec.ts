import type { BrowserContext } from '@playwright/test'
import { JWT_SHAPED } from '@dezky/e2e-support'
import { expect, test } from '@playwright/test'
import { bffGetRoutes } from '../support/bff-get-routes'
import { OPERATOR_WITHOUT_MFA, SUPER_ADMIN } from '../support/demo'
import { OPERATOR_PAGES } from '../support/operator-pages'
import { signIn } from '../support/sign-in'
import { STACK } from '../support/stack'

/** An event stream never ends by itself: read what arrives in this long, then hang up. */
const STREAM_READ_MS = 1500

async function cookieHeader(context: BrowserContext) {
  return (await context.cookies(STACK.appUrl)).map(cookie => `${cookie.name}=${cookie.value}`).join('; ')
}

/** The body of a BFF answer with the browser's cookies, streams included (cut after a moment). */
async function readBody(path: string, cookie: string): Promise<{ status: number, body: string }> {
  const controller = new AbortController()
  const response = await fetch(`${STACK.appUrl}${path}`, {
    headers: { cookie },
    signal: controller.signal,
  })
  const timer = setTimeout(() => controller.abort(), STREAM_READ_MS)
  let body = ''
  try {
    const reader = response.body?.getReader()
    const decoder = new TextDecoder()
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read())
      body += decoder.decode(read.value, { stream: true })
  }
  catch (error) {
    if ((error as Error).name !== 'AbortError')
      throw error
  }
  finally {
    clearTimeout(timer)
  }
  return { status: response.status, body }
}

test('no JWT-shaped string in any page or BFF GET answer a super admin gets', async ({ page }) => {
  test.setTimeout(60_000)
  await signIn(page, SUPER_ADMIN)

  for (const path of OPERATOR_PAGES) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBeLessThan(400)
    expect(await response!.text(), `${path} (server-rendered HTML and payload)`).not.toMatch(JWT_SHAPED)
    expect(await page.content(), `${path} (after hydration)`).not.toMatch(JWT_SHAPED)
  }

  const cookie = await cookieHeader(page.context())
  const routes = bffGetRoutes()
  expect(routes).toContain('/api/tenants/acme/provisioning/events')
  for (const path of routes) {
    const { status, body } = await readBody(path, cookie)
    expect(status, `${path} must not fail`).toBeLessThan(500)
    expect(body, `${path} leaks a JWT`).not.toMatch(JWT_SHAPED)
  }
})

test('no JWT-shaped string on the MFA-required page', async ({ page }) => {
  await signIn(page, OPERATOR_WITHOUT_MFA, '/auth/mfa-required')
  const response = await page.request.get('/auth/mfa-required')
  expect(await response.text()).not.toMatch(JWT_SHAPED)
  expect(await page.content()).not.toMatch(JWT_SHAPED)
})
