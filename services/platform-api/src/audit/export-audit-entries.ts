import type { TAuditEntry } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { AuditFilters } from './find-audit-entries'
import { desc } from 'drizzle-orm'
import { auditLog } from '../db/schema'
import { auditWhere } from './find-audit-entries'
import { toAuditEntry } from './to-audit-entry'

const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actorSubject',
  'actorRoles',
  'actingAs',
  'action',
  'targetType',
  'targetId',
  'tenantSlug',
  'requestId',
  'ip',
  'userAgent',
  'changes',
  'prevHash',
  'hash',
] as const
const PAGE = 500

export interface ExportAuditOptions extends AuditFilters {
  db: Queryable
  principal: Principal
  format: 'jsonl' | 'csv'
}

/**
 * Streams every matching entry, newest first, page by page: memory stays flat however large the log, and
 * the client sees the first bytes at once.
 */
export function exportAuditEntries({ db, principal, format, ...filters }: ExportAuditOptions): Response {
  const encoder = new TextEncoder()
  let beforeSeq: number | undefined
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === 'csv')
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`))
      started = true
      const rows = await db.select().from(auditLog).where(auditWhere(principal, filters, beforeSeq)).orderBy(desc(auditLog.seq)).limit(PAGE)
      const text = rows.map(row => format === 'csv'
        ? csvLine(toAuditEntry(row))
        : `${JSON.stringify(toAuditEntry(row))}\n`).join('')
      if (text)
        controller.enqueue(encoder.encode(text))
      beforeSeq = rows.at(-1)?.seq
      if (rows.length < PAGE)
        controller.close()
    },
  })
  const date = new Date().toISOString().slice(0, 10)
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/x-ndjson',
      'content-disposition': `attachment; filename="dezky-audit-${date}.${format}"`,
    },
  })
}

function csvLine(entry: TAuditEntry): string {
  const values: Record<typeof CSV_COLUMNS[number], unknown> = {
    ...entry,
    actorSubject: entry.actor.subject,
    actorRoles: entry.actor.roles.join(' '),
    changes: JSON.stringify(entry.changes),
  }
  return `${CSV_COLUMNS.map(column => csvCell(values[column])).join(',')}\r\n`
}

/** RFC 4180 quoting, plus a leading quote on cells a spreadsheet would run as a formula (CWE-1236). */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined
    ? ''
    : String(value)
  if (/^[=+\-@\t\r]/.test(text))
    text = `'${text}`
  return /[",\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text
}
