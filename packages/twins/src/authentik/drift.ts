import type { AuthentikStore } from './store'
import { z } from 'zod'

/** What `POST /__twin/drift` can do behind the platform's back, by name so tests need no ids. */
export const ZAuthentikDrift = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('deleteGroup'),
    group: z.string(),
  }),
  z.strictObject({
    action: z.literal('renameGroup'),
    group: z.string(),
    to: z.string().min(1),
  }),
  z.strictObject({
    action: z.literal('deleteUser'),
    username: z.string(),
  }),
  z.strictObject({
    action: z.literal('deactivateUser'),
    username: z.string(),
  }),
  z.strictObject({
    action: z.literal('removeUserFromGroup'),
    username: z.string(),
    group: z.string(),
  }),
])
export type AuthentikDrift = z.infer<typeof ZAuthentikDrift>

export interface DriftResult {
  applied: boolean
  /** Why nothing changed (the named object does not exist). */
  reason?: string
}

/** Applies one drift; counts nothing, since the platform did not make the change. */
export function applyDrift(store: AuthentikStore, input: unknown): DriftResult {
  const drift = ZAuthentikDrift.parse(input)
  const group = 'group' in drift
    ? store.groupByName(drift.group)
    : undefined
  const user = 'username' in drift
    ? store.userByUsername(drift.username)
    : undefined
  if ('group' in drift && !group)
    return { applied: false, reason: `no group named ${drift.group}` }
  if ('username' in drift && !user)
    return { applied: false, reason: `no user named ${drift.username}` }
  switch (drift.action) {
    case 'deleteGroup':
      store.deleteGroup(group!.uuid)
      break
    case 'renameGroup':
      store.updateGroup(group!.uuid, { name: drift.to })
      break
    case 'deleteUser':
      store.deleteUser(user!.pk)
      break
    case 'deactivateUser':
      store.updateUser(user!.pk, { isActive: false })
      break
    case 'removeUserFromGroup':
      group!.users.delete(user!.pk)
      break
  }
  return { applied: true }
}
