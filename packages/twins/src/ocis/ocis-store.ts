import { randomUUID } from 'node:crypto'
import { SPACE_MANAGER } from './ocis-roles'

/** OCIS's storage provider id for project spaces; drive ids read `<storage id>$<space id>`. */
export const STORAGE_ID = '1284d238-aa92-42ce-bdc4-0b0000009157'

export interface OcisUser {
  id: string
  displayName: string
  onPremisesSamAccountName: string
  mail?: string
  accountEnabled: boolean
}

export interface OcisGrant {
  userId: string
  roleId: string
}

export interface OcisSpace {
  /** The space id (a UUID); the drive id is `${STORAGE_ID}$${spaceId}`. */
  spaceId: string
  name: string
  description?: string
  alias: string
  /** Bytes; 0 means no quota. */
  quotaTotal: number
  usedBytes: number
  /** Set when the space is disabled ("trashed"); cleared by a restore. */
  disabledAt?: string
  /** Keyed by user id, in insertion order. */
  grants: Map<string, OcisGrant>
  lastModified: string
  etag: string
}

export interface OcisStore {
  users: Map<string, OcisUser>
  spaces: Map<string, OcisSpace>
}

export function driveIdOf(space: OcisSpace): string {
  return `${STORAGE_ID}$${space.spaceId}`
}

/**
 * Reads a drive id as OCIS's storagespace.ParseID does: `<storage>$<space>` with an optional `!<node>`.
 * Undefined when it has no `$` part.
 */
export function spaceIdFromDriveId(driveId: string): string | undefined {
  const dollar = driveId.indexOf('$')
  if (dollar <= 0)
    return undefined
  const rest = driveId.slice(dollar + 1)
  const space = rest.split('!')[0]
  return space || undefined
}

export function createOcisStore(adminUser: OcisUser): OcisStore {
  return {
    users: new Map([
      [adminUser.id, adminUser],
    ]),
    spaces: new Map(),
  }
}

export function touch(space: OcisSpace): void {
  space.lastModified = new Date().toISOString()
  space.etag = `"${randomUUID().replaceAll('-', '')}"`
}

/** A new project space; as in decomposedfs, its creator becomes its first manager. */
export function createSpace(store: OcisStore, input: { name: string, description?: string, quotaTotal: number, creatorId: string }): OcisSpace {
  const spaceId = randomUUID()
  const space: OcisSpace = {
    spaceId,
    name: input.name,
    description: input.description,
    alias: `project/${input.name.toLowerCase().replaceAll(' ', '-')}`,
    quotaTotal: input.quotaTotal,
    usedBytes: 0,
    grants: new Map([
      [
        input.creatorId,
        { userId: input.creatorId, roleId: SPACE_MANAGER.id },
      ],
    ]),
    lastModified: '',
    etag: '',
  }
  touch(space)
  store.spaces.set(spaceId, space)
  return space
}
