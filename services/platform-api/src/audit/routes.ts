import { AUDIT_EXPORT_FORMATS, ZAuditChainReport, ZAuditEntry, ZAuditFilters, ZPage } from '@dezky/contracts'
import { z } from 'zod'
import { can } from '../auth/capabilities'
import { defineRoute } from '../http/define-route'
import { forbidden } from '../http/problem'
import { requestIdOf } from '../http/request-meta'
import { exportAuditEntries } from './export-audit-entries'
import { findAuditEntries } from './find-audit-entries'
import { verifyAuditChain } from './verify-audit-chain'

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
      format: z.enum(AUDIT_EXPORT_FORMATS).default('jsonl'),
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
    response: { status: 200, schema: ZAuditChainReport },
    handler: async ({ db, principal }) => {
      if (!can(principal, 'audit:verify'))
        throw forbidden('Only super admins and ops leads verify the audit chain.')
      return verifyAuditChain(db)
    },
  }),
]
