import type { TOcisDrive } from './ocis-schemas'
import { roleIdOf } from './space-roles'

export function isDisabled(drive: TOcisDrive): boolean {
  return drive.root?.deleted?.state === 'trashed'
}

/**
 * The space's user grants as user id → unified role id, from either answer shape: v1beta1 lists carry
 * `grantedToV2` and role ids, v1.0 create/update answers `grantedToIdentities` and legacy role names.
 */
export function spaceGrantsOf(drive: TOcisDrive): Map<string, string> {
  const grants = new Map<string, string>()
  for (const permission of drive.root?.permissions ?? []) {
    const userId = permission.grantedToV2?.user?.id ?? permission.grantedToIdentities?.[0]?.user?.id
    const role = permission.roles?.[0]
    if (userId && role)
      grants.set(userId, roleIdOf(role))
  }
  return grants
}
