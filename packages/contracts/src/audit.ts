import { z } from 'zod'

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
