import type { TFlagEnvironmentConfigInput, TFlagKey } from '@dezky/contracts'
import type { StackLayout } from './stack-layout'
import { expect } from '@playwright/test'
import { stackControl } from './stack-control'

/** An operator allowed to create, change and kill flags (ops_lead: flag:write, flag:kill). */
const FLAG_OPERATOR = 'otavio.lima@dezky.dev'

/**
 * The flag management API as an operator uses it, called straight on the stack's API: for specs that
 * need a flag in a given state before they start (the portal's flips, the console's read-only checks).
 *
 * @example
 * const operator = await flagOperator(STACK, 'development')
 * await operator.ensure('portal.card', 'Card')
 * await operator.set('portal.card', { state: 'on' })
 */
export async function flagOperator(layout: StackLayout, environment: string) {
  const token = await stackControl(layout).accessToken(FLAG_OPERATOR)
  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${layout.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined
        ? undefined
        : JSON.stringify(body),
    })
    return { status: response.status, body: await response.text() }
  }
  const ok = (what: string, answer: { status: number, body: string }) =>
    expect(answer.status, `${what}: ${answer.body}`).toBeLessThan(300)
  return {
    /** Creates the flag unless it exists already (an earlier spec or retry made it). */
    async ensure(key: TFlagKey, name: string) {
      const answer = await call('POST', '/flags', { key, name, type: 'release' })
      if (answer.status !== 409)
        ok(`create ${key}`, answer)
    },
    /** Sets the flag's rule in the environment the operator was made for. */
    async set(key: TFlagKey, config: TFlagEnvironmentConfigInput) {
      ok(`set ${key}`, await call('PUT', `/flags/${key}/environments/${environment}`, config))
    },
    async kill(key: TFlagKey, reason: string) {
      ok(`kill ${key}`, await call('POST', `/flags/${key}/kill`, { reason }))
    },
    /** Undoes the kill switch: the flag's rules apply again. */
    async restore(key: TFlagKey, reason: string) {
      ok(`restore ${key}`, await call('POST', `/flags/${key}/restore`, { reason }))
    },
  }
}
