import type { TAuditEntry } from '@dezky/contracts'
import type { Logger } from 'pino'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { AuditRow } from '../db/schema'
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
  'actorEmail',
  'actorName',
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
  /** The 200 is already sent when a page fails, so the log line is the only place the cause is seen. */
  logger: Pick<Logger, 'error'>
  requestId: string
}

/**
 * Streams every matching entry, newest first, page by page: memory stays flat however large the log, and
 * the client sees the first bytes at once. A page that fails aborts the body, so the client sees a
 * truncated download fail rather than a short file that looks complete.
 */
export function exportAuditEntries({ db, principal, format, logger, requestId, ...filters }: ExportAuditOptions): Response {
  const encoder = new TextEncoder()
  let beforeSeq: number | undefined
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === 'csv')
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`))
      started = true
      let rows: AuditRow[]
      try {
        rows = await db.select().from(auditLog).where(auditWhere(principal, filters, beforeSeq)).orderBy(desc(auditLog.seq)).limit(PAGE)
      }
      catch (error) {
        logger.error({ err: error, requestId }, 'audit export failed mid-stream')
        // The cause stays in the log: the stream's reason can reach whoever reads the body.
        controller.error(new Error('The audit export failed; see the log for this request id.'))
        return
      }
      const text = rows.map(row => format === 'csv'
        ? csvLine(toAuditEntry(row, principal))
        : `${JSON.stringify(toAuditEntry(row, principal))}\n`).join('')
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
    actorEmail: entry.actor.email,
    actorName: entry.actor.name,
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
