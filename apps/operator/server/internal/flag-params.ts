import { ZFlagEnvironmentKey, ZFlagKey, ZFlagScope, ZFlagScopeId, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

/** `/api/flags/[key]/…`: the flag's key, checked before it becomes part of an API path. */
export const ZFlagParams = z.object({ key: ZFlagKey })

/** `/api/flags/[key]/environments/[environment]` */
export const ZFlagEnvironmentParams = ZFlagParams.extend({ environment: ZFlagEnvironmentKey })

/**
 * `/api/flags/[key]/overrides/[environment]/[scope]/[scopeId]`: a partner's or tenant's slug, or a user's
 * id, so a mistyped or crafted id (`..`) is a 400 here rather than a path the API never meant.
 */
export const ZFlagOverrideParams = ZFlagEnvironmentParams.extend({ scope: ZFlagScope, scopeId: ZFlagScopeId }).superRefine((params, context) => {
  const valid = params.scope === 'user'
    ? z.uuid().safeParse(params.scopeId).success
    : ZSlug.safeParse(params.scopeId).success
  if (!valid) {
    context.addIssue({
      code: 'custom',
      path: ['scopeId'],
      message: params.scope === 'user'
        ? 'a user id'
        : `a ${params.scope} slug`,
    })
  }
})

/** A serial row id (schedules, segments), within Postgres' `integer`. */
const ZRowId = z.coerce.number().int().positive().max(2_147_483_647)

/** `/api/flags/[key]/schedules/[id]` */
export const ZFlagScheduleParams = ZFlagParams.extend({ id: ZRowId })

/** `/api/flag-segments/[id]` */
export const ZFlagSegmentParams = z.object({ id: ZRowId })
