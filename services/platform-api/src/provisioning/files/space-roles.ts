import type { TTenantRole } from '@dezky/contracts'

/** OCIS's unified role ids for a project space root (services/graph unifiedrole). */
export const OCIS_SPACE_ROLES = {
  viewer: 'a8d5fe5e-96e3-418d-825b-534dbdf22b99',
  editor: '58c63c02-1d89-4572-916a-870abc5a1b7d',
  manager: '312c0871-5ef7-4b3a-85b6-0e4074c64049',
} as const

export type OcisSpaceRoleId = typeof OCIS_SPACE_ROLES[keyof typeof OCIS_SPACE_ROLES]

/** The legacy names `GET /v1.0/drives` shows instead of ids. */
const LEGACY_NAMES: Record<string, OcisSpaceRoleId> = {
  viewer: OCIS_SPACE_ROLES.viewer,
  editor: OCIS_SPACE_ROLES.editor,
  manager: OCIS_SPACE_ROLES.manager,
}

/** Owners and admins manage the space, members edit, billing contacts only view. */
export function spaceRoleFor(role: TTenantRole): OcisSpaceRoleId {
  switch (role) {
    case 'owner':
    case 'admin':
      return OCIS_SPACE_ROLES.manager
    case 'member':
      return OCIS_SPACE_ROLES.editor
    case 'billing':
      return OCIS_SPACE_ROLES.viewer
  }
}

/** A role as either API version names it, as a unified role id (unknown names pass through). */
export function roleIdOf(role: string): string {
  return LEGACY_NAMES[role] ?? role
}

/** A readable name for audit diffs. */
export function spaceRoleName(roleId: string | undefined): string | null {
  if (!roleId)
    return null
  const entry = Object.entries(OCIS_SPACE_ROLES).find(([, id]) => id === roleId)
  return entry
    ? `Space ${entry[0][0]!.toUpperCase()}${entry[0].slice(1)}`
    : roleId
}
