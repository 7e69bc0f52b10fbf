import type { TFlagEnvironmentConfigInput, TFlagKey } from '@dezky/contracts'
import { stackControl } from '@dezky/e2e-support'
import { expect } from '@playwright/test'
import { FLAGS_ENVIRONMENT, STACK } from './stack'

/** An operator allowed to create, change and kill flags (flag:write, flag:kill). */
const FLAG_OPERATOR = 'otavio.lima@dezky.dev'

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${STACK.apiUrl}${path}`, {
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

/**
 * The flag management API as an operator uses it (the operator console's calls), for specs that flip a
 * flag and watch the portal follow.
 */
export async function flagOperator() {
  const token = await stackControl(STACK).accessToken(FLAG_OPERATOR)
  const ok = (what: string, answer: { status: number, body: string }) =>
    expect(answer.status, `${what}: ${answer.body}`).toBeLessThan(300)
  return {
    /** Creates the flag unless it exists already (an earlier spec or retry made it). */
    async ensure(key: TFlagKey, name: string) {
      const answer = await call(token, 'POST', '/flags', { key, name, type: 'release' })
      if (answer.status !== 409)
        ok(`create ${key}`, answer)
    },
    /** Sets the flag's rule in the environment the stack's API evaluates. */
    async set(key: TFlagKey, config: TFlagEnvironmentConfigInput) {
      ok(`set ${key}`, await call(token, 'PUT', `/flags/${key}/environments/${FLAGS_ENVIRONMENT}`, config))
    },
    async kill(key: TFlagKey, reason: string) {
      ok(`kill ${key}`, await call(token, 'POST', `/flags/${key}/kill`, { reason }))
    },
    /** Undoes the kill switch: the flag's rules apply again. */
    async restore(key: TFlagKey, reason: string) {
      ok(`restore ${key}`, await call(token, 'POST', `/flags/${key}/restore`, { reason }))
    },
  }
}
