import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZSlug } from './roles'

export const ZFieldChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})

export const ZAuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({
    subject: z.string(),
    roles: z.array(z.string()),
    /**
     * Who the subject was, from their token when they acted; null for system actors, for entries older
     * than these fields, and for the provider's staff unless the reader is an operator.
     */
    email: z.string().nullable(),
    name: z.string().nullable(),
  }),
  actingAs: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  tenantSlug: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  changes: z.array(ZFieldChange),
  prevHash: z.string(),
  hash: z.string(),
})
export type TAuditEntry = z.infer<typeof ZAuditEntry>

/**
 * The audit stream's filters: an exact action or a prefix ending in `*` (`tenant.*`), the actor's subject,
 * the tenant, and a `[from, to)` time window.
 */
export const ZAuditFilters = z.object({
  tenant: ZSlug.optional(),
  actor: z.string().min(1).max(255).optional(),
  action: z.string().regex(/^[a-z][\w.]*\*?$/, 'an action such as tenant.update or tenant.*').max(100).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
  /** What the entry is about (`flag`, `segment`, `tenant`, …); with `targetId`, one object's history. */
  targetType: z.string().regex(/^[a-z][\w.-]*$/, 'a target type such as flag').max(50).optional(),
  targetId: z.string().min(1).max(255).optional(),
})
export type TAuditFilters = z.infer<typeof ZAuditFilters>

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const

/** `GET /audit/verify`: the whole chain recomputed, and the first entry that does not match it. */
export const ZAuditChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({
    seq: z.number().int(),
    id: z.string(),
    reason: z.enum(['hash-mismatch', 'broken-link', 'gap']),
  }).nullable(),
})
export type TAuditChainReport = z.infer<typeof ZAuditChainReport>
