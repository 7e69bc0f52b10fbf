import type { MailAccount, MailDomain } from './mail-objects'

/**
 * What the mail step writes into the `description` of every `x:Domain` and `x:Account` it creates (a
 * free-text property of both in the v0.16 schema). Stalwart's open edition has one namespace for all
 * domains, so a domain of the tenant's name may be someone else's: only a domain carrying this marker,
 * or whose id the step recorded, is adopted — and only such objects are ever deleted.
 *
 * @example
 * mailMarkerFor('acme') // 'dezky:tenant:acme'
 */
export function mailMarkerFor(slug: string): string {
  return `dezky:tenant:${slug}`
}

/** The step made this domain or account for this tenant: its id was recorded, or it carries the marker. */
export function isOwned(object: MailDomain | MailAccount, slug: string, recordedIds: Iterable<string>): boolean {
  return object.description === mailMarkerFor(slug) || new Set(recordedIds).has(object.id)
}
