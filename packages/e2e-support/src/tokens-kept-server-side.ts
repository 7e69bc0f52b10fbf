import type { APIRequestContext, BrowserContext } from '@playwright/test'
import { expect } from '@playwright/test'

/** A compact JWS (header.payload.signature, base64url JSON starting `{"`): what must never reach the browser. */
export const JWT_SHAPED = /eyJ[\w-]+\.[\w-]+\.[\w-]+/

/** Reads a BFF response with the browser's cookies and fails when its body carries a token. */
export async function readWithoutTokens(request: APIRequestContext, path: string) {
  const response = await request.get(path)
  const body = await response.text()
  expect(body, `${path} leaks a JWT`).not.toMatch(JWT_SHAPED)
  return {
    status: response.status(),
    body,
  }
}

/**
 * The session is one httpOnly, SameSite=Lax cookie named for the app (cookies on one host are shared
 * across ports, so each app has its own name), and no cookie carries a token.
 */
export async function expectSessionCookie(context: BrowserContext, appUrl: string, name: string) {
  const cookies = await context.cookies(appUrl)
  expect(cookies.find(cookie => cookie.name === name), `session cookie ${name}`).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
  for (const cookie of cookies)
    expect(cookie.value, `cookie ${cookie.name} leaks a JWT`).not.toMatch(JWT_SHAPED)
}
