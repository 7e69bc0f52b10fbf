import type { StalwartDriver } from './create-stalwart-driver'
import type { MailAccount, MailDomain } from './mail-objects'
import { permanent } from '../upstream-error'
import { mailMarkerFor } from './mail-marker'

export interface FoundMail {
  domains: Map<string, MailDomain>
  accounts: MailAccount[]
}

export interface MailOwner {
  slug: string
  /** Domain name → id, as the step recorded them. */
  observedIds: Record<string, string>
}

/**
 * Reads the tenant's domains and their accounts with as few requests as possible: one request by the
 * ids observed last time (domains and their accounts together), and only for names that did not match
 * a search by name plus a read of those domains' accounts. A converged tenant costs one request.
 *
 * A domain found by name is adopted only when it carries this tenant's marker (we made it but lost the
 * answer); any other domain of that name belongs to someone else, and the step stops before touching it.
 */
export async function findMailDomains(driver: StalwartDriver, names: string[], owner: MailOwner, signal: AbortSignal): Promise<FoundMail> {
  const { observedIds } = owner
  const knownIds = names.map(name => observedIds[name]).filter((id): id is string => Boolean(id))
  const first = await driver.read({ domainIds: knownIds, accountsOf: knownIds }, signal)
  const domains = new Map(first.domains
    .filter(domain => names.includes(domain.name) && observedIds[domain.name] === domain.id)
    .map(domain => [domain.name, domain]))
  const accounts = first.accounts.filter(account => [
    ...domains.values(),
  ].some(domain => domain.id === account.domainId))
  const missing = names.filter(name => !domains.has(name))
  if (missing.length > 0) {
    const found = (await driver.read({ domainNames: missing }, signal)).domains.filter(domain => missing.includes(domain.name))
    const foreign = found.find(domain => domain.description !== mailMarkerFor(owner.slug))
    if (foreign)
      throw permanent('stalwart', `domain ${foreign.name} already exists in Stalwart and is not managed by Dezky for tenant ${owner.slug}`)
    if (found.length > 0) {
      accounts.push(...(await driver.read({
        accountsOf: found.map(domain => domain.id),
      }, signal)).accounts)
    }
    for (const domain of found)
      domains.set(domain.name, domain)
  }
  return { domains, accounts }
}
