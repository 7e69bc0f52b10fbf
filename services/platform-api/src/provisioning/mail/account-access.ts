import type { JsonObject } from './jmap-client'

/**
 * What a suspended mailbox must not do. Stalwart checks `authenticate` on every sign-in, OAuth bearer
 * included (common/src/auth/authentication.rs `authenticate` → `assert_has_permission(Authenticate)`),
 * and `emailSend` before SMTP submission (smtp/src/inbound/auth.rs). v0.16 accounts have no "disabled"
 * flag: an account is stopped by disabling these permissions (`permissions: Merge` with
 * `disabledPermissions`, which "takes precedence over enabled permissions" per the schema), and the
 * mailbox keeps receiving mail meanwhile.
 */
export const SUSPENDED_PERMISSIONS = ['authenticate', 'emailSend'] as const

function set(value: unknown): Record<string, true> {
  return {
    ...(value ?? {}) as Record<string, true>,
  }
}

/** Whether the account may sign in and send under these permissions. */
export function canSignIn(permissions: JsonObject): boolean {
  const type = permissions['@type']
  if (type !== 'Merge' && type !== 'Replace')
    return true
  const disabled = set(permissions.disabledPermissions)
  const enabled = set(permissions.enabledPermissions)
  return SUSPENDED_PERMISSIONS.every(p => !disabled[p] && (type === 'Merge' || enabled[p]))
}

/**
 * The account's permissions with sign-in and sending allowed or stopped, everything else kept. Allowing
 * again after a stop we made gives back `Inherit`, so a suspend/resume round trip leaves no trace.
 */
export function withSignIn(permissions: JsonObject, allowed: boolean): JsonObject {
  const type = permissions['@type'] === 'Merge' || permissions['@type'] === 'Replace'
    ? permissions['@type']
    : 'Merge'
  const enabled = set(permissions.enabledPermissions)
  const disabled = set(permissions.disabledPermissions)
  for (const permission of SUSPENDED_PERMISSIONS) {
    if (allowed) {
      delete disabled[permission]
      if (type === 'Replace')
        enabled[permission] = true
    }
    else {
      disabled[permission] = true
    }
  }
  if (type === 'Merge' && Object.keys(enabled).length === 0 && Object.keys(disabled).length === 0)
    return { '@type': 'Inherit' }
  return { '@type': type, 'enabledPermissions': enabled, 'disabledPermissions': disabled }
}
