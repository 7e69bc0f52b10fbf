import type { FieldChange } from '../../db/schema'
import type { DesiredTenant } from '../step'
import type { PlannedSet } from './apply-sets'
import type { FoundMail } from './find-mail-domains'
import type { JsonObject } from './jmap-client'
import { randomBytes } from 'node:crypto'
import { canSignIn, withSignIn } from './account-access'
import { isOwned, mailMarkerFor } from './mail-marker'

/**
 * The domain as the README's example creates it: keys made by Stalwart, DNS and certificates by hand;
 * marked as the tenant's in its description.
 */
export function newDomain(name: string, slug: string): JsonObject {
  return {
    name,
    description: mailMarkerFor(slug),
    aliases: {},
    certificateManagement: { '@type': 'Manual' },
    dkimManagement: { '@type': 'Automatic' },
    dnsManagement: { '@type': 'Manual' },
    subAddressing: { '@type': 'Enabled' },
  }
}

/** The client id of the i-th domain's create, referenced by its accounts as `#d<i>`. */
export const domainClientId = (index: number) => `d${index}`

export function planDomains(desired: DesiredTenant, found: FoundMail): PlannedSet {
  const planned: PlannedSet = {
    call: { object: 'Domain', create: {}, update: {} },
    labels: {},
  }
  desired.domains.forEach((name, index) => {
    const domain = found.domains.get(name)
    if (!domain) {
      planned.call.create![domainClientId(index)] = newDomain(name, desired.slug)
      planned.labels[domainClientId(index)] = {
        label: name,
        changes: [
          { field: 'name', before: null, after: name },
          {
            field: 'description',
            before: null,
            after: mailMarkerFor(desired.slug),
          },
          { field: 'dkimManagement', before: null, after: 'Automatic' },
        ],
      }
      return
    }
    const patch: JsonObject = {}
    const changes: FieldChange[] = []
    // A domain recorded before domains carried the marker gets it, so a lost id still finds it.
    if (domain.description !== mailMarkerFor(desired.slug)) {
      patch.description = mailMarkerFor(desired.slug)
      changes.push({
        field: 'description',
        before: domain.description ?? null,
        after: mailMarkerFor(desired.slug),
      })
    }
    if (!domain.isEnabled) {
      patch.isEnabled = true
      changes.push({ field: 'isEnabled', before: false, after: true })
    }
    // Adopting a domain whose keys someone manages by hand: switching to Automatic makes Stalwart
    // generate keys (`will_trigger_dkim` in jmap/src/registry/mapping/domain.rs).
    if (domain.dkimManagement !== 'Automatic') {
      patch.dkimManagement = { '@type': 'Automatic' }
      changes.push({ field: 'dkimManagement', before: domain.dkimManagement, after: 'Automatic' })
    }
    if (changes.length > 0) {
      planned.call.update![domain.id] = patch
      planned.labels[domain.id] = { label: name, changes }
    }
  })
  return planned
}

/** Members with a mailbox: those whose address is on one of the tenant's domains (first wins). */
export function mailboxMembers(desired: DesiredTenant): Array<{ email: string, local: string, domain: string, active: boolean }> {
  const seen = new Set<string>()
  return desired.members.flatMap((member) => {
    const email = member.email.toLowerCase()
    const at = email.lastIndexOf('@')
    const domain = email.slice(at + 1)
    if (at <= 0 || !desired.domains.includes(domain) || seen.has(email))
      return []
    seen.add(email)
    return [
      {
        email,
        local: email.slice(0, at),
        domain,
        active: member.active,
      },
    ]
  })
}

/**
 * Account creates, updates and deletes that make the tenant's mailboxes match its members. Only accounts
 * the step created (marked) or recorded are deleted: a mailbox someone added by hand on the tenant's
 * domain is not the platform's to remove.
 */
export function planAccounts(desired: DesiredTenant, found: FoundMail, recordedIds: string[]): PlannedSet {
  const planned: PlannedSet = {
    call: {
      object: 'Account',
      create: {},
      update: {},
      destroy: [],
    },
    labels: {},
  }
  const quota = desired.quotas.mailboxBytes
  const wanted = mailboxMembers(desired)
  wanted.forEach((member, index) => {
    const allowed = desired.mode === 'present' && member.active
    const existing = found.accounts.find(account => account.email === member.email)
    if (!existing) {
      const domainId = found.domains.get(member.domain)?.id ?? `#${domainClientId(desired.domains.indexOf(member.domain))}`
      planned.call.create![`a${index}`] = {
        '@type': 'User',
        'name': member.local,
        domainId,
        'description': mailMarkerFor(desired.slug),
        // Only so the account has a password credential: people sign in through the IdP (OIDC bearer);
        // the value is never stored, logged or audited.
        'credentials': {
          0: {
            '@type': 'Password',
            'secret': randomBytes(24).toString('base64url'),
          },
        },
        'quotas': { maxDiskQuota: quota },
        'roles': { '@type': 'User' },
        'permissions': withSignIn({ '@type': 'Inherit' }, allowed),
        'encryptionAtRest': { '@type': 'Disabled' },
      }
      planned.labels[`a${index}`] = {
        label: member.email,
        changes: [
          { field: 'email', before: null, after: member.email },
          { field: 'maxDiskQuota', before: null, after: quota },
          { field: 'canSignIn', before: null, after: allowed },
        ],
      }
      return
    }
    const patch: JsonObject = {}
    const changes: FieldChange[] = []
    if (existing.maxDiskQuota !== quota) {
      patch['quotas/maxDiskQuota'] = quota
      changes.push({ field: 'maxDiskQuota', before: existing.maxDiskQuota ?? null, after: quota })
    }
    if (canSignIn(existing.permissions) !== allowed) {
      patch.permissions = withSignIn(existing.permissions, allowed)
      changes.push({ field: 'canSignIn', before: !allowed, after: allowed })
    }
    if (changes.length > 0) {
      planned.call.update![existing.id] = patch
      planned.labels[existing.id] = { label: member.email, changes }
    }
  })
  const departed = found.accounts.filter(account => !wanted.some(member => member.email === account.email) && isOwned(account, desired.slug, recordedIds))
  for (const account of departed) {
    planned.call.destroy!.push(account.id)
    planned.labels[account.id] = {
      label: account.email,
      changes: [
        { field: 'email', before: account.email, after: null },
      ],
    }
  }
  return planned
}
