import type { OcisSpace, OcisStore } from './ocis-store'
import { spaceRoleById } from './ocis-roles'
import { driveIdOf } from './ocis-store'

export type GraphVersion = 'v1.0' | 'v1beta1'

function displayNameOf(store: OcisStore, userId: string): string {
  return store.users.get(userId)?.displayName ?? ''
}

/** A space grant as a permission: v1beta1 carries the id `u:<user id>` and the unified role id. */
export function formatPermission(store: OcisStore, space: OcisSpace, userId: string, version: GraphVersion): Record<string, unknown> {
  const grant = space.grants.get(userId)!
  const role = spaceRoleById(grant.roleId)
  if (version === 'v1.0') {
    return {
      grantedToIdentities: [
        {
          user: {
            id: userId,
            displayName: displayNameOf(store, userId),
          },
        },
      ],
      roles: role
        ? [role.legacyName]
        : [],
    }
  }
  return {
    id: `u:${userId}`,
    grantedToV2: {
      user: {
        'id': userId,
        'displayName': displayNameOf(store, userId),
        '@libre.graph.userType': 'Member',
      },
    },
    roles: role
      ? [role.id]
      : [],
  }
}

function quotaOf(space: OcisSpace): Record<string, unknown> {
  // A disabled space cannot be statted: OCIS reports only the configured total then.
  if (space.disabledAt)
    return { total: space.quotaTotal }
  const remaining = space.quotaTotal > 0
    ? Math.max(0, space.quotaTotal - space.usedBytes)
    : 1_000_000_000_000
  const percent = space.quotaTotal > 0
    ? space.usedBytes / space.quotaTotal * 100
    : 0
  const state = percent <= 75
    ? 'normal'
    : percent <= 90
      ? 'nearing'
      : percent <= 99
        ? 'critical'
        : 'exceeded'
  return {
    total: space.quotaTotal,
    used: space.usedBytes,
    remaining,
    state,
  }
}

/** A project space as libregraph's `drive` (services/graph drives.go cs3StorageSpaceToDrive). */
export function formatDrive(store: OcisStore, space: OcisSpace, version: GraphVersion, baseUrl: string): Record<string, unknown> {
  const driveId = driveIdOf(space)
  const root: Record<string, unknown> = {
    id: `${driveId}!${space.spaceId}`,
    eTag: space.etag,
    webDavUrl: `${baseUrl}/dav/spaces/${encodeURIComponent(driveId)}`,
    permissions: [
      ...space.grants.keys(),
    ].map(userId => formatPermission(store, space, userId, version)),
  }
  if (space.disabledAt)
    root.deleted = { state: 'trashed' }
  const drive: Record<string, unknown> = {
    id: driveId,
    name: space.name,
    driveAlias: space.alias,
    driveType: 'project',
    lastModifiedDateTime: space.lastModified,
    owner: {
      user: { id: space.spaceId, displayName: '' },
    },
    quota: quotaOf(space),
    root,
    webUrl: `${baseUrl}/f/${encodeURIComponent(driveId)}`,
  }
  if (space.description !== undefined)
    drive.description = space.description
  return drive
}
