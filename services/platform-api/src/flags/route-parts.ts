import { ZFlagEnvironmentKey, ZFlagKey, ZFlagScope, ZFlagScopeId } from '@dezky/contracts'
import { z } from 'zod'

/** What the flag route files share: parameters, the reference's tag and who may call (see allow.ts). */
export const ZKeyParams = z.object({ key: ZFlagKey })
export const ZOverrideParams = ZKeyParams.extend({ environment: ZFlagEnvironmentKey, scope: ZFlagScope, scopeId: ZFlagScopeId })
export const ZSegmentParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
})
export const FLAGS_TAG = 'Feature flags'
export const READ = { scope: 'global', capability: 'flag:read' } as const
export const WRITE = { scope: 'global', capability: 'flag:write' } as const
export const KILL = { scope: 'global', capability: 'flag:kill' } as const

export const ifMatchOf = (headers: Headers) => headers.get('if-match')
