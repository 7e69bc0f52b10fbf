import type { TAuditEntry } from '@dezky/contracts'

/** What a sentence names besides its actor: the entry's tenant, or a readable name of its target. */
type Slot = 'tenant' | 'target'

/**
 * Actions told as a sentence (`overview.recent.sentence.<action, dots as _>`), with the slots each
 * sentence names. Anything else — upstream writes the reconciler records, actions added later — reads
 * as a generic line, never as a sentence with a hole in it.
 */
export const AUDIT_SENTENCES: Readonly<Record<string, readonly Slot[]>> = {
  'tenant.create': ['tenant'],
  'tenant.activate': ['tenant'],
  'tenant.update': ['tenant'],
  'tenant.suspend': ['tenant'],
  'tenant.resume': ['tenant'],
  'tenant.offboard': ['tenant'],
  'tenant.delete': ['tenant'],
  'member.add': ['tenant'],
  'member.update': ['tenant'],
  'member.remove': ['tenant'],
  'member.password_reset': ['tenant'],
  'domain.add': ['tenant', 'target'],
  'domain.remove': ['tenant', 'target'],
  'partner.create': ['target'],
  'partner.update': ['target'],
  'operator.add': [],
  'operator.update': [],
  'operator.remove': [],
  'probe.run': ['target'],
  'flag.create': ['target'],
  'flag.update': ['target'],
  'flag.rule_update': ['target'],
  'flag.override_set': ['target'],
  'flag.override_remove': ['target'],
  'flag.kill': ['target'],
  'flag.restore': ['target'],
  'flag.archive': ['target'],
  'flag.unarchive': ['target'],
  'flag.schedule_apply': ['target'],
}

/** Fields whose value names the target better than its id (most ids are UUIDs). */
const NAMING_FIELDS = ['name', 'domain', 'slug', 'email']

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface AuditSentence {
  /** The i18n key; its parameters are `actor`, `action`, `targetType`, `tenant` and `target`. */
  key: string
  /** Who acted, as `actorLabel` names them; null for the platform's own work (`system:*` subjects): the sentence says "The platform". */
  actor: string | null
  tenant: string | null
  target: string | null
}

type AuditSentenceSource = Pick<TAuditEntry, 'action' | 'actor' | 'targetType' | 'targetId' | 'tenantSlug' | 'changes'>

function targetName(entry: AuditSentenceSource): string | null {
  for (const field of NAMING_FIELDS) {
    const change = entry.changes.find(candidate => candidate.field === field)
    const value = change?.after ?? change?.before
    if (typeof value === 'string' && value)
      return value
  }
  return UUID.test(entry.targetId)
    ? null
    : entry.targetId
}

/**
 * How the overview tells an audit entry in one line: who did what to which tenant or object.
 *
 * @example
 * auditSentence({ action: 'tenant.suspend', actor: { subject: 'ana', roles: [] }, tenantSlug: 'acme', … })
 * // { key: 'overview.recent.sentence.tenant_suspend', actor: 'ana', tenant: 'acme', target: null }
 */
export function auditSentence(entry: AuditSentenceSource): AuditSentence {
  const actor = entry.actor.subject.startsWith('system:')
    ? null
    : actorLabel(entry.actor)
  const tenant = entry.tenantSlug
  const target = targetName(entry)
  const slots = AUDIT_SENTENCES[entry.action]
  const filled = { tenant, target }
  if (slots && slots.every(slot => filled[slot])) {
    return {
      key: `overview.recent.sentence.${entry.action.replaceAll('.', '_')}`,
      actor,
      tenant,
      target,
    }
  }
  return {
    key: tenant
      ? 'overview.recent.generic.inTenant'
      : 'overview.recent.generic.plain',
    actor,
    tenant,
    target,
  }
}

/** A subject as the overview prints it: a UUID cut to its first block (the full one in a tooltip). */
export function shortSubject(subject: string): string {
  return UUID.test(subject)
    ? `${subject.slice(0, 8)}…`
    : subject
}

/**
 * Who an entry's actor is, as a person reads it: their name, else their address, else the IdP subject
 * (entries written before names were recorded have only that), cut by `shortSubject`.
 */
export function actorLabel(actor: TAuditEntry['actor']): string {
  return actor.name ?? actor.email ?? shortSubject(actor.subject)
}
