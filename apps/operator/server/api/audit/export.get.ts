import { AUDIT_EXPORT_FORMATS, ZAuditFilters } from '@dezky/contracts'
import { z } from 'zod'

const ZQuery = ZAuditFilters.extend({
  format: z.enum(AUDIT_EXPORT_FORMATS).default('jsonl'),
})
const CONTENT_TYPES = {
  jsonl: ['application/x-ndjson'],
  csv: ['text/csv'],
} as const

// Streamed through, never held: an export may be the whole log.
export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-')
  await downloadPlatformApi(event, '/audit/export', {
    query,
    filename: `dezky-audit-${stamp}.${query.format}`,
    contentTypes: CONTENT_TYPES[query.format],
  })
})
