import type { TDnsRecord } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { provisioningSteps } from '../db/schema'

/**
 * The records the mail step rendered from the mail server's zone files (`outputs.dnsRecords`), for every
 * domain of the tenant that has its DKIM keys; empty before the step's first successful run.
 */
export async function findMailRecords(db: Queryable, tenantId: string): Promise<TDnsRecord[]> {
  const [row] = await db.select({ outputs: provisioningSteps.outputs }).from(provisioningSteps).where(and(eq(provisioningSteps.tenantId, tenantId), eq(provisioningSteps.step, 'mail')))
  const records = row?.outputs.dnsRecords
  return Array.isArray(records)
    ? records as TDnsRecord[]
    : []
}
