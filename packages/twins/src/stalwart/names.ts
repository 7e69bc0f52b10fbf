/**
 * Stalwart accepts a domain when its suffix is on the Public Suffix List or one of its reserved private
 * TLDs (crates/utils/src/lib.rs `is_valid_domain`). The twin carries no PSL: it accepts any alphabetic TLD
 * except the special-use names that are on neither list, so `acme.example` is refused here as upstream.
 */
const UNLISTED_TLDS = new Set(['example', 'invalid', 'onion', 'alt'])
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/

/** Lower-cased and trimmed like `sanitize_domain`, or undefined when Stalwart would refuse it. */
export function sanitizeDomain(value: string): string | undefined {
  const domain = value.replace(/\s+/g, '').toLowerCase()
  const labels = domain.split('.')
  if (labels.length < 2 || labels.some(label => !LABEL.test(label) || label.length > 63))
    return undefined
  const tld = labels.at(-1)!
  return /^[a-z]{2,63}$/.test(tld) && !UNLISTED_TLDS.has(tld)
    ? domain
    : undefined
}

/** The local part rules of `sanitize_email_local`: no `@`, no leading/trailing/double dots, lower-cased. */
export function sanitizeLocalPart(value: string): string | undefined {
  const local = value.replace(/\s+/g, '').toLowerCase()
  if (!local || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return undefined
  return /^[\p{L}\p{N}.!#$%&'*+\-/=?^_`{|}~]+$/u.test(local)
    ? local
    : undefined
}
