import { ZAuditEntry, ZDateTime, ZPage, ZSlug } from '@dezky/contracts'
import { z } from 'zod'
import { can } from '../auth/capabilities'
import { defineRoute } from '../http/define-route'
import { forbidden } from '../http/problem'
import { requestIdOf } from '../http/request-meta'
import { exportAuditEntries } from './export-audit-entries'
import { findAuditEntries } from './find-audit-entries'
import { verifyAuditChain } from './verify-audit-chain'

const ZAuditFilters = z.object({
  tenant: ZSlug.optional(),
  actor: z.string().min(1).max(255).optional(),
  action: z.string().regex(/^[a-z][\w.]*\*?$/, 'an action such as tenant.update or tenant.*').max(100).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
})

const ZChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({
    seq: z.number().int(),
    id: z.string(),
    reason: z.enum(['hash-mismatch', 'broken-link', 'gap']),
  }).nullable(),
})

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/audit',
    operationId: 'listAuditEntries',
    summary: 'Audit entries the caller may read, newest first',
    tag: 'Audit',
    auth: true,
    access: { scope: 'list', capability: 'audit:read' },
    query: ZAuditFilters.extend({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(200).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZAuditEntry),
    },
    handler: ({ db, principal, query }) => findAuditEntries({ db, principal, ...query }),
  }),
  defineRoute({
    method: 'GET',
    path: '/audit/export',
    operationId: 'exportAuditEntries',
    summary: 'Stream the matching audit entries as JSON Lines or CSV',
    tag: 'Audit',
    auth: true,
    access: { scope: 'list', capability: 'audit:read' },
    query: ZAuditFilters.extend({
      format: z.enum(['jsonl', 'csv']).default('jsonl'),
    }).strict(),
    response: { status: 200, description: 'JSON Lines (application/x-ndjson) or CSV (text/csv)', contentType: 'application/x-ndjson' },
    handler: async ({ db, principal, query, event, deps }) => exportAuditEntries({
      db,
      principal,
      ...query,
      logger: deps.logger,
      requestId: requestIdOf(event),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/audit/verify',
    operationId: 'verifyAuditChain',
    summary: 'Recompute the hash chain and report the first broken entry',
    tag: 'Audit',
    auth: true,
    access: { scope: 'global', capability: 'audit:verify' },
    response: { status: 200, schema: ZChainReport },
    handler: async ({ db, principal }) => {
      if (!can(principal, 'audit:verify'))
        throw forbidden('Only super admins and ops leads verify the audit chain.')
      return verifyAuditChain(db)
    },
  }),
]
