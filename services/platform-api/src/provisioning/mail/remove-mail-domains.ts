import type { StepContext } from '../step'
import type { PlannedSet } from './apply-sets'
import type { SetCall, StalwartDriver } from './create-stalwart-driver'
import type { MailObserved } from './ensure-mail'
import { permanent } from '../upstream-error'
import { applySets } from './apply-sets'
import { isOwned } from './mail-marker'

export interface MailRemovalOwner {
  slug: string
  /** What the step recorded: domains and accounts with these ids are the tenant's. */
  observed: Partial<MailObserved>
}

/** One object to destroy, and the field its audit entry shows going from `before` to nothing. */
interface Doomed { id: string, label: string, field: string, before: string }

function destroySet(object: SetCall['object'], doomed: Doomed[]): PlannedSet {
  return {
    call: {
      object,
      destroy: doomed.map(({ id }) => id),
    },
    labels: Object.fromEntries(doomed.map(({ id, label, field, before }) => [
      id,
      {
        label,
        changes: [
          { field, before, after: null },
        ],
      },
    ])),
  }
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
    destroySet('Account', ours.map(account => ({
      id: account.id,
      label: account.email,
      field: 'email',
      before: account.email,
    }))),
    destroySet('DkimSignature', removable.flatMap(domain => (dkimIds[domain.id] ?? []).map(id => ({
      id,
      label: `DKIM key of ${domain.name}`,
      field: 'domain',
      before: domain.name,
    })))),
    destroySet('Domain', removable.map(domain => ({
      id: domain.id,
      label: domain.name,
      field: 'name',
      before: domain.name,
    }))),
  ], ctx)
  if (foreign.length > 0) {
    const kept = domains.filter(domain => !removable.includes(domain)).map(domain => domain.name)
    throw permanent('stalwart', `kept domain ${kept.join(', ')}: it holds mailboxes Dezky did not create (${foreign.map(account => account.email).join(', ')}); remove or move them in Stalwart, then retry`)
  }
}
