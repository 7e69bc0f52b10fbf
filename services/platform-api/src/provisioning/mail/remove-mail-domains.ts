import type { StepContext } from '../step'
import type { StalwartDriver } from './create-stalwart-driver'
import { applySets } from './apply-sets'

/**
 * Deletes mail domains with everything in them, in the order Stalwart allows: a domain that accounts or
 * DKIM signatures point at cannot be destroyed (`objectIsLinked`), so accounts, then signatures, then
 * the domain — three `/set` calls processed in sequence within one JMAP request.
 */
export async function removeMailDomains(driver: StalwartDriver, names: string[], ctx: StepContext): Promise<void> {
  if (names.length === 0)
    return
  const domains = (await driver.read({ domainNames: names }, ctx.signal)).domains.filter(domain => names.includes(domain.name))
  if (domains.length === 0)
    return
  const ids = domains.map(domain => domain.id)
  const { accounts, dkimIds } = await driver.read({ accountsOf: ids, dkimOf: ids }, ctx.signal)
  const gone = (field: string, before: unknown) => [
    { field, before, after: null },
  ]
  await applySets(driver, [
    {
      call: {
        object: 'Account',
        destroy: accounts.map(account => account.id),
      },
      labels: Object.fromEntries(accounts.map(account => [
        account.id,
        {
          label: account.email,
          changes: gone('email', account.email),
        },
      ])),
    },
    {
      call: {
        object: 'DkimSignature',
        destroy: Object.values(dkimIds).flat(),
      },
      labels: Object.fromEntries(domains.flatMap(domain => (dkimIds[domain.id] ?? []).map(id => [
        id,
        {
          label: `DKIM key of ${domain.name}`,
          changes: gone('domain', domain.name),
        },
      ]))),
    },
    {
      call: { object: 'Domain', destroy: ids },
      labels: Object.fromEntries(domains.map(domain => [
        domain.id,
        {
          label: domain.name,
          changes: gone('name', domain.name),
        },
      ])),
    },
  ], ctx)
}
