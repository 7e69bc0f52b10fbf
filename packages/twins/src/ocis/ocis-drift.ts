import type { OcisStore } from './ocis-store'
import { z } from 'zod'
import { spaceRoleById } from './ocis-roles'
import { spaceIdFromDriveId, touch } from './ocis-store'

/** What `POST /__twin/drift` can do behind the platform's back; `spaceId` takes a space or drive id. */
export const ZOcisDrift = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('disableSpace'),
    spaceId: z.string().min(1),
  }),
  z.strictObject({
    action: z.literal('purgeSpace'),
    spaceId: z.string().min(1),
  }),
  z.strictObject({
    action: z.literal('setQuota'),
    spaceId: z.string().min(1),
    total: z.number().int().min(0),
  }),
  /** What the space's files take up, as if people had uploaded them (`quota.used`). */
  z.strictObject({
    action: z.literal('setUsedBytes'),
    spaceId: z.string().min(1),
    bytes: z.number().int().min(0),
  }),
  z.strictObject({
    action: z.literal('removeMember'),
    spaceId: z.string().min(1),
    userId: z.string().min(1),
  }),
  z.strictObject({
    action: z.literal('setMemberRole'),
    spaceId: z.string().min(1),
    userId: z.string().min(1),
    roleId: z.string().min(1),
  }),
])
export type OcisDrift = z.infer<typeof ZOcisDrift>

/** Applies one drift; throws when the body is invalid or names something that does not exist. */
export function applyOcisDrift(store: OcisStore, input: unknown): { applied: OcisDrift } {
  const drift = ZOcisDrift.parse(input)
  const spaceId = drift.spaceId.includes('$')
    ? spaceIdFromDriveId(drift.spaceId)
    : drift.spaceId
  const space = spaceId
    ? store.spaces.get(spaceId)
    : undefined
  if (!space)
    throw new Error(`no space ${drift.spaceId}`)
  switch (drift.action) {
    case 'disableSpace':
      space.disabledAt = new Date().toISOString()
      break
    case 'purgeSpace':
      store.spaces.delete(space.spaceId)
      return { applied: drift }
    case 'setQuota':
      space.quotaTotal = drift.total
      break
    case 'setUsedBytes':
      space.usedBytes = drift.bytes
      break
    case 'removeMember':
      if (!space.grants.delete(drift.userId))
        throw new Error(`${drift.userId} is no member of ${drift.spaceId}`)
      break
    case 'setMemberRole':
      if (!space.grants.has(drift.userId) || !spaceRoleById(drift.roleId))
        throw new Error(`cannot give ${drift.userId} role ${drift.roleId} in ${drift.spaceId}`)
      space.grants.set(drift.userId, { userId: drift.userId, roleId: drift.roleId })
      break
  }
  touch(space)
  return { applied: drift }
}
