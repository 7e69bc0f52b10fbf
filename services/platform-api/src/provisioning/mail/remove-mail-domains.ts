import type { StepContext } from '../step'
import type { StalwartDriver } from './create-stalwart-driver'
import type { MailObserved } from './ensure-mail'
import { permanent } from '../upstream-error'
import { applySets } from './apply-sets'
import { isOwned } from './mail-marker'

export interface MailRemovalOwner {
  slug: string
  /** What the step recorded: domains and accounts with these ids are the tenant's. */
  observed: Partial<MailObserved>
}

function gone(field: string, before: unknown) {
  return [
    { field, before, after: null },
  ]
}

/**
 * Deletes the tenant's mail domains with everything the platform put in them, in the order Stalwart
 * allows: a domain that accounts or DKIM signatures point at cannot be destroyed (`objectIsLinked`), so
 * accounts, then signatures, then the domain — three `/set` calls processed in sequence within one JMAP
 * request. Only what the step created or recorded is touched: a domain of that name made by someone else
 * is left alone, and a domain still holding mailboxes the platform did not create is kept (with its
 * keys) and reported as a permanent error, for a person to decide about those mailboxes.
 */
export async function removeMailDomains(driver: StalwartDriver, names: string[], owner: MailRemovalOwner, ctx: StepContext): Promise<void> {
  if (names.length === 0)
    return
  const recordedDomains = Object.values(owner.observed.domains ?? {})
  const recordedAccounts = Object.values(owner.observed.accounts ?? {})
  const domains = (await driver.read({ domainNames: names }, ctx.signal)).domains.filter(domain => names.includes(domain.name) && isOwned(domain, owner.slug, recordedDomains))
  if (domains.length === 0)
    return
  const ids = domains.map(domain => domain.id)
  const { accounts, dkimIds } = await driver.read({ accountsOf: ids, dkimOf: ids }, ctx.signal)
  const ours = accounts.filter(account => isOwned(account, owner.slug, recordedAccounts))
  const foreign = accounts.filter(account => !ours.includes(account))
  const removable = domains.filter(domain => !foreign.some(account => account.domainId === domain.id))
  await applySets(driver, [
    {
      call: {
        object: 'Account',
        destroy: ours.map(account => account.id),
      },
      labels: Object.fromEntries(ours.map(account => [
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
        destroy: removable.flatMap(domain => dkimIds[domain.id] ?? []),
      },
      labels: Object.fromEntries(removable.flatMap(domain => (dkimIds[domain.id] ?? []).map(id => [
        id,
        {
          label: `DKIM key of ${domain.name}`,
          changes: gone('domain', domain.name),
        },
      ]))),
    },
    {
      call: {
        object: 'Domain',
        destroy: removable.map(domain => domain.id),
      },
      labels: Object.fromEntries(removable.map(domain => [
        domain.id,
        {
          label: domain.name,
          changes: gone('name', domain.name),
        },
      ])),
    },
  ], ctx)
  if (foreign.length > 0) {
    const kept = domains.filter(domain => !removable.includes(domain)).map(domain => domain.name)
    throw permanent('stalwart', `kept domain ${kept.join(', ')}: it holds mailboxes Dezky did not create (${foreign.map(account => account.email).join(', ')}); remove or move them in Stalwart, then retry`)
  }
}
