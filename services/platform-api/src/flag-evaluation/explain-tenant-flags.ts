import type { TTenantFlags } from '@dezky/contracts'
import type { Database } from '../db/client'
import { compileFlagSet } from '@dezky/flags'
import { eq } from 'drizzle-orm'
import { flagEnvironments } from '../db/schema'
import { notFound } from '../http/problem'
import { loadFlagSet } from './load-flag-set'

/**
 * Every live flag as a tenant sees it in an environment — no particular user, so user overrides and
 * user-sticky rollouts read as for an anonymous member — with why: the operator console's Flags tab.
 * Read fresh from the database (not the process's cache), so it explains what was just saved.
 */
export async function explainTenantFlags(db: Database, tenant: { slug: string, plan: string, partnerSlug: string | null }, environment: string): Promise<TTenantFlags> {
  const [known] = await db.select({ key: flagEnvironments.key }).from(flagEnvironments).where(eq(flagEnvironments.key, environment))
  if (!known)
    throw notFound('Flag environment', `There is no flag environment "${environment}".`)
  const snapshot = await loadFlagSet(db, environment)
  const set = compileFlagSet(snapshot.definitions, snapshot.segments, environment)
  const evaluations = set.evaluateAll({
    tenant: tenant.slug,
    partner: tenant.partnerSlug ?? undefined,
    properties: { plan: tenant.plan },
  })
  return {
    tenant: tenant.slug,
    environment,
    items: evaluations.filter(evaluation => evaluation.decision !== 'archived').map(evaluation => ({
      key: evaluation.key,
      name: snapshot.names.get(evaluation.key)?.name ?? evaluation.key,
      type: snapshot.names.get(evaluation.key)?.type ?? 'release',
      value: evaluation.value,
      variant: evaluation.variant?.name ?? null,
      decision: evaluation.decision,
      scope: evaluation.scope,
      scopeId: evaluation.scopeId,
      strategyIndex: evaluation.strategyIndex,
      bucket: evaluation.bucket,
      parent: evaluation.parent,
    })),
  }
}
