import type { JmapClientOptions, JsonObject, MethodCall } from './jmap-client'
import type { MailAccount, MailDomain } from './mail-objects'
import { createJmapClient, resultOf } from './jmap-client'
import { ACCOUNT_PROPERTIES, DOMAIN_PROPERTIES, toMailAccount, toMailDomain } from './mail-objects'

export type MailObject = 'Domain' | 'Account' | 'DkimSignature'

/** One `x:<Object>/set` call; `create` values may point at earlier creations with `#clientId`. */
export interface SetCall {
  object: MailObject
  create?: Record<string, JsonObject>
  update?: Record<string, JsonObject>
  destroy?: string[]
}

/** A Stalwart SetError (`type`, `description`, `properties`, …). */
export interface SetFailure { type: string, description?: string, properties?: string[] }

export interface SetOutcome {
  created: Record<string, string>
  updated: string[]
  destroyed: string[]
  notCreated: Record<string, SetFailure>
  notUpdated: Record<string, SetFailure>
  notDestroyed: Record<string, SetFailure>
}

/** What to read in one JMAP request. */
export interface MailReadPlan {
  /** Domains by id (what the step observed last time). */
  domainIds?: string[]
  /** Domains by name (first run, or an id that no longer matches). */
  domainNames?: string[]
  /** The accounts of these domains. */
  accountsOf?: string[]
  /** The DKIM signature ids of these domains. */
  dkimOf?: string[]
}

export interface MailSnapshot {
  domains: MailDomain[]
  accounts: MailAccount[]
  dkimIds: Record<string, string[]>
}

export interface StalwartDriver {
  /** Everything in the plan, in ONE JMAP request (queries and gets chained by result references). */
  read: (plan: MailReadPlan, signal: AbortSignal) => Promise<MailSnapshot>
  /** The set calls in order, in ONE JMAP request. */
  set: (calls: SetCall[], signal: AbortSignal) => Promise<SetOutcome[]>
}

export type StalwartDriverOptions = JmapClientOptions

const ref = (resultOf: string, name: string) => ({ resultOf, name, path: '/ids' })

/**
 * Typed access to Stalwart v0.16's `x:Domain`, `x:Account` and `x:DkimSignature` over JMAP.
 *
 * @example
 * const driver = createStalwartDriver({ baseUrl: 'http://127.0.0.1:8080', credential: { apiKey }, timeoutMs: 10_000 })
 * const { domains } = await driver.read({ domainNames: ['acme.com'] }, signal)
 */
export function createStalwartDriver(options: StalwartDriverOptions): StalwartDriver {
  const jmap = createJmapClient(options)
  return {
    async read(plan, signal) {
      const calls: MethodCall[] = []
      const gets: Array<{ id: string, name: string, kind: 'domain' | 'account' }> = []
      const dkimQueries: Array<{ id: string, domainId: string }> = []
      if (plan.domainIds?.length) {
        calls.push([
          'x:Domain/get',
          { ids: plan.domainIds, properties: DOMAIN_PROPERTIES },
          'd',
        ])
        gets.push({ id: 'd', name: 'x:Domain/get', kind: 'domain' })
      }
      plan.domainNames?.forEach((name, i) => {
        calls.push([
          'x:Domain/query',
          {
            filter: { name },
          },
          `dq${i}`,
        ])
        calls.push([
          'x:Domain/get',
          {
            '#ids': ref(`dq${i}`, 'x:Domain/query'),
            'properties': DOMAIN_PROPERTIES,
          },
          `dg${i}`,
        ])
        gets.push({ id: `dg${i}`, name: 'x:Domain/get', kind: 'domain' })
      })
      plan.accountsOf?.forEach((domainId, i) => {
        // Group accounts (shared mailboxes made by hand) are not the step's to manage.
        calls.push([
          'x:Account/query',
          {
            filter: { domainId, '@type': 'User' },
          },
          `aq${i}`,
        ])
        calls.push([
          'x:Account/get',
          {
            '#ids': ref(`aq${i}`, 'x:Account/query'),
            'properties': ACCOUNT_PROPERTIES,
          },
          `ag${i}`,
        ])
        gets.push({ id: `ag${i}`, name: 'x:Account/get', kind: 'account' })
      })
      plan.dkimOf?.forEach((domainId, i) => {
        calls.push([
          'x:DkimSignature/query',
          {
            filter: { domainId },
          },
          `kq${i}`,
        ])
        dkimQueries.push({ id: `kq${i}`, domainId })
      })
      if (calls.length === 0)
        return { domains: [], accounts: [], dkimIds: {} }
      const responses = await jmap.call(calls, signal)
      // In call order, so a failed query is reported rather than the get that referenced it.
      for (const [name, , id] of calls)
        resultOf(responses, id, name)
      const snapshot: MailSnapshot = { domains: [], accounts: [], dkimIds: {} }
      for (const get of gets) {
        const list = resultOf(responses, get.id, get.name).list as JsonObject[]
        if (get.kind === 'domain')
          snapshot.domains.push(...list.map(toMailDomain).filter(d => !snapshot.domains.some(known => known.id === d.id)))
        else
          snapshot.accounts.push(...list.map(toMailAccount))
      }
      for (const query of dkimQueries)
        snapshot.dkimIds[query.domainId] = resultOf(responses, query.id, 'x:DkimSignature/query').ids as string[]
      return snapshot
    },

    async set(setCalls, signal) {
      const calls: MethodCall[] = setCalls.map((call, i) => [
        `x:${call.object}/set`,
        {
          ...(call.create && { create: call.create }),
          ...(call.update && { update: call.update }),
          ...(call.destroy && { destroy: call.destroy }),
        },
        `s${i}`,
      ])
      const responses = await jmap.call(calls, signal)
      return setCalls.map((call, i) => {
        const args = resultOf(responses, `s${i}`, `x:${call.object}/set`)
        const created = (args.created ?? {}) as Record<string, { id: string }>
        return {
          created: Object.fromEntries(Object.entries(created).map(([key, value]) => [key, value.id])),
          updated: Object.keys((args.updated ?? {}) as JsonObject),
          destroyed: (args.destroyed ?? []) as string[],
          notCreated: (args.notCreated ?? {}) as Record<string, SetFailure>,
          notUpdated: (args.notUpdated ?? {}) as Record<string, SetFailure>,
          notDestroyed: (args.notDestroyed ?? {}) as Record<string, SetFailure>,
        }
      })
    },
  }
}
