import type { TFlag, TFlagScope } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { flagOverrides, partners, tenants, users } from '../db/schema'
import { notFound } from '../http/problem'
import { getFlag, getFlagRow } from './get-flag'
import { getFlagEnvironment } from './get-flag-environment'
import { markFlagChanged } from './mark-flag-changed'

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i

/** The partner (slug), tenant (slug) or user (id) an override names must exist: a typo would force nobody. */
async function checkScopeTarget(db: Queryable, scope: TFlagScope, scopeId: string): Promise<void> {
  const found = scope === 'partner'
    ? await db.select({ id: partners.id }).from(partners).where(eq(partners.slug, scopeId))
    : scope === 'tenant'
      ? await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, scopeId))
      : UUID.test(scopeId)
        ? await db.select({ id: users.id }).from(users).where(eq(users.id, scopeId))
        : []
  if (found.length === 0) {
    throw notFound(scope === 'partner'
      ? 'Partner'
      : scope === 'tenant'
        ? 'Tenant'
        : 'User', `There is no ${scope} "${scopeId}" to override the flag for.`)
  }
}

const fieldOf = (environment: string, scope: TFlagScope, scopeId: string) => `overrides.${environment}.${scope}:${scopeId}`

/** Forces the flag on or off for one partner, tenant or user in one environment (replacing any override there). */
export async function setFlagOverride(db: Queryable, target: { key: string, environment: string, scope: TFlagScope, scopeId: string }, input: { value: boolean, note?: string }, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const { key, environment, scope, scopeId } = target
  await getFlagRow(db, key, { forUpdate: true })
  await getFlagEnvironment(db, environment)
  await checkScopeTarget(db, scope, scopeId)
  const where = and(eq(flagOverrides.flagKey, key), eq(flagOverrides.environment, environment), eq(flagOverrides.scope, scope), eq(flagOverrides.scopeId, scopeId))
  const [before] = await db.select().from(flagOverrides).where(where)
  const values = {
    value: input.value,
    note: input.note || null,
    updatedAt: new Date(),
  }
  await db.insert(flagOverrides).values({
    flagKey: key,
    environment,
    scope,
    scopeId,
    ...values,
  }).onConflictDoUpdate({
    target: [
      flagOverrides.flagKey,
      flagOverrides.environment,
      flagOverrides.scope,
      flagOverrides.scopeId,
    ],
    set: values,
  })
  await markFlagChanged(db, key)
  await audit({
    action: 'flag.override_set',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: [
      {
        field: fieldOf(environment, scope, scopeId),
        before: before
          ? { value: before.value, note: before.note }
          : null,
        after: { value: values.value, note: values.note },
      },
    ],
  })
  return getFlag(db, key)
}

/** Removes an override; the flag's rule decides again. 404 when there was none. */
export async function removeFlagOverride(db: Queryable, target: { key: string, environment: string, scope: TFlagScope, scopeId: string }, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const { key, environment, scope, scopeId } = target
  await getFlagRow(db, key, { forUpdate: true })
  const [removed] = await db.delete(flagOverrides).where(and(eq(flagOverrides.flagKey, key), eq(flagOverrides.environment, environment), eq(flagOverrides.scope, scope), eq(flagOverrides.scopeId, scopeId))).returning()
  if (!removed)
    throw notFound('Override', `"${key}" has no override for ${scope} "${scopeId}" in ${environment}.`)
  await markFlagChanged(db, key)
  await audit({
    action: 'flag.override_remove',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: [
      {
        field: fieldOf(environment, scope, scopeId),
        before: { value: removed.value, note: removed.note },
        after: null,
      },
    ],
  })
  return getFlag(db, key)
}
