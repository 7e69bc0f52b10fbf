import type { DnsTwinRecord } from '@dezky/twins'
import type { StackLayout } from './stack-layout'

export interface StackControl {
  /** Stops the app's server and starts it again with the same secrets and session storage. */
  restartApp: () => Promise<void>
  /** Lifetime of the access tokens the IdP twin issues from now on (its default is 300 s). */
  setAccessTokenTtl: (seconds: number) => Promise<void>
  /** Successful token-endpoint grants by `grant_type` since the start or the last reset. */
  tokenGrants: () => Promise<Record<string, number>>
  resetTokenGrants: () => Promise<void>
  /** An access token the IdP issues to the demo user with this e-mail, for calling the API as them. */
  accessToken: (email: string) => Promise<string>
  /** Replaces every record the DNS twin serves (what the API's domain checks find). */
  setDnsRecords: (records: readonly DnsTwinRecord[]) => Promise<void>
}

/**
 * What a spec may change in the running stack (which lives in the runner's process, not the spec's),
 * through the control endpoint of a layout with `ports.control`.
 *
 * @example
 * const control = stackControl(STACK)
 * await control.restartApp()
 * expect(await control.tokenGrants()).toMatchObject({ refresh_token: 1 })
 */
export function stackControl(layout: StackLayout): StackControl {
  const base = layout.controlUrl
  if (!base)
    throw new Error(`the ${layout.client.clientId} stack has no control port`)
  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined
        ? {}
        : { 'content-type': 'application/json' },
      body: body === undefined
        ? undefined
        : JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`stack control ${method} ${path} answered ${response.status}: ${await response.text()}`)
    return response.status === 204
      ? undefined
      : response.json() as Promise<unknown>
  }
  return {
    restartApp: async () => {
      await call('POST', '/app/restart')
    },
    setAccessTokenTtl: async (seconds) => {
      await call('PUT', '/idp/access-token-ttl', { seconds })
    },
    tokenGrants: async () => await call('GET', '/idp/token-grants') as Record<string, number>,
    resetTokenGrants: async () => {
      await call('DELETE', '/idp/token-grants')
    },
    accessToken: async (email) => {
      const { token } = await call('POST', '/idp/access-token', { email }) as { token: string }
      return token
    },
    setDnsRecords: async (records) => {
      await call('PUT', '/dns/records', { records })
    },
  }
}
