import { ZFlagEnvironmentKey, ZFlagKey, ZFlagScope, ZFlagScopeId } from '@dezky/contracts'
import { z } from 'zod'

/** `/api/flags/[key]/…`: the flag's key, checked before it becomes part of an API path. */
export const ZFlagParams = z.object({ key: ZFlagKey })

/** `/api/flags/[key]/environments/[environment]` */
export const ZFlagEnvironmentParams = ZFlagParams.extend({ environment: ZFlagEnvironmentKey })

/** `/api/flags/[key]/overrides/[environment]/[scope]/[scopeId]` */
export const ZFlagOverrideParams = ZFlagEnvironmentParams.extend({ scope: ZFlagScope, scopeId: ZFlagScopeId })

/** A serial row id (schedules, segments), within Postgres' `integer`. */
const ZRowId = z.coerce.number().int().positive().max(2_147_483_647)

/** `/api/flags/[key]/schedules/[id]` */
export const ZFlagScheduleParams = ZFlagParams.extend({ id: ZRowId })

/** `/api/flag-segments/[id]` */
export const ZFlagSegmentParams = z.object({ id: ZRowId })
