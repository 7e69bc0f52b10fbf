import type { StalwartTwin } from './start-stalwart-twin'
import type { JsonObject } from './types'

export const USING = ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap']

/** Basic credentials of the twin's admin, for tests that talk to it directly. */
export function basicAuth(twin: StalwartTwin): string {
  return `Basic ${Buffer.from(`${twin.adminUser}:${twin.adminSecret}`).toString('base64')}`
}

/** Posts one JMAP request to the twin; returns the HTTP status and parsed body. */
export async function jmap(twin: StalwartTwin, methodCalls: unknown[], using: unknown = USING, path = '/jmap/'): Promise<{ status: number, body: any }> {
  const response = await fetch(`${twin.url}${path}`, {
    method: 'POST',
    headers: {
      'authorization': basicAuth(twin),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ using, methodCalls }),
  })
  return { status: response.status, body: await response.json() }
}

/**
 * A domain as Stalwart's README creates one: DKIM keys made by the server, certificates and DNS by hand.
 * @example
 * jmap(twin, [['x:Domain/set', { create: { d: domainObject('acme.com') } }, 's']])
 */
export function domainObject(name: string): JsonObject {
  return {
    name,
    aliases: {},
    certificateManagement: { '@type': 'Manual' },
    dkimManagement: { '@type': 'Automatic' },
    dnsManagement: { '@type': 'Manual' },
    subAddressing: { '@type': 'Enabled' },
  }
}

/**
 * Creates a domain through `x:Domain/set` and returns its id.
 * @example
 * const id = await createDomain(twin, 'acme.com')
 */
export async function createDomain(twin: StalwartTwin, name: string): Promise<string> {
  const { body } = await jmap(twin, [
    [
      'x:Domain/set',
      {
        create: {
          d: domainObject(name),
        },
      },
      's',
    ],
  ])
  return result(body, 's').created.d.id
}

/** The arguments of the one method response with this call id. */
export function result(body: { methodResponses: Array<[string, JsonObject, string]> }, callId: string): any {
  return body.methodResponses.find(([, , id]) => id === callId)?.[1]
}
