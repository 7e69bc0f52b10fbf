/**
 * The three unified roles OCIS offers on a project space root (services/graph/pkg/unifiedrole). The v1.0
 * drive listing names them by their legacy CS3 names; v1beta1 uses the ids.
 */
export interface SpaceRole {
  id: string
  displayName: string
  description: string
  /** The name `GET /v1.0/drives` shows in `root.permissions[].roles`. */
  legacyName: string
  weight: number
}

export const SPACE_VIEWER: SpaceRole = {
  id: 'a8d5fe5e-96e3-418d-825b-534dbdf22b99',
  displayName: 'Can view',
  description: 'View and download.',
  legacyName: 'viewer',
  weight: 1,
}
export const SPACE_EDITOR: SpaceRole = {
  id: '58c63c02-1d89-4572-916a-870abc5a1b7d',
  displayName: 'Can edit',
  description: 'View, download, upload, edit, add and delete.',
  legacyName: 'editor',
  weight: 2,
}
export const SPACE_MANAGER: SpaceRole = {
  id: '312c0871-5ef7-4b3a-85b6-0e4074c64049',
  displayName: 'Can manage',
  description: 'View, download, upload, edit, add, delete and manage members.',
  legacyName: 'manager',
  weight: 3,
}

export const SPACE_ROLES: readonly SpaceRole[] = [SPACE_VIEWER, SPACE_EDITOR, SPACE_MANAGER]

export function spaceRoleById(id: string): SpaceRole | undefined {
  return SPACE_ROLES.find(role => role.id === id)
}

/** What a manager may do on a space root, as `@libre.graph.permissions.actions.allowedValues` lists it. */
export const MANAGER_ACTIONS = [
  'libre.graph/driveItem/permissions/create',
  'libre.graph/driveItem/children/create',
  'libre.graph/driveItem/standard/delete',
  'libre.graph/driveItem/path/read',
  'libre.graph/driveItem/quota/read',
  'libre.graph/driveItem/content/read',
  'libre.graph/driveItem/upload/create',
  'libre.graph/driveItem/permissions/read',
  'libre.graph/driveItem/children/read',
  'libre.graph/driveItem/versions/read',
  'libre.graph/driveItem/deleted/read',
  'libre.graph/driveItem/path/update',
  'libre.graph/driveItem/permissions/delete',
  'libre.graph/driveItem/deleted/delete',
  'libre.graph/driveItem/versions/update',
  'libre.graph/driveItem/deleted/update',
  'libre.graph/driveItem/basic/read',
  'libre.graph/driveItem/permissions/update',
  'libre.graph/driveItem/permissions/deny',
]
