import type { Check, PropertySpec } from './checks'
import { anyString, mapOf, nullable, objectId, objectListOf, optionalText, serverSet, setOf, unsigned, variant } from './checks'
import { sanitizeLocalPart } from './names'

/** The `StorageQuota` enum: keys of `Account.quotas`. */
export const STORAGE_QUOTAS = [
  'maxEmails',
  'maxMailboxes',
  'maxEmailSubmissions',
  'maxEmailIdentities',
  'maxParticipantIdentities',
  'maxSieveScripts',
  'maxPushSubscriptions',
  'maxCalendars',
  'maxCalendarEvents',
  'maxCalendarEventNotifications',
  'maxAddressBooks',
  'maxContactCards',
  'maxFiles',
  'maxFolders',
  'maxMaskedAddresses',
  'maxAppPasswords',
  'maxApiKeys',
  'maxPublicKeys',
  'maxDiskQuota',
] as const

/** Secrets read back from Stalwart are this mask (registry/src/schema/prelude.rs `MASKED_PASSWORD`). */
export const MASKED_SECRET = '****'

// The 660 `Permission` names are not copied here; they are camelCase identifiers such as `authenticate`.
const permission: Check = {
  test: v => typeof v === 'string' && /^[a-z][a-zA-Z0-9]*$/.test(v)
    ? undefined
    : 'Invalid permission',
}
const permissionsList = {
  fields: {
    enabledPermissions: setOf(permission),
    disabledPermissions: setOf(permission),
  },
  defaults: { enabledPermissions: {}, disabledPermissions: {} },
}

const localPart: Check = {
  test: v => typeof v === 'string' && sanitizeLocalPart(v)
    ? undefined
    : 'Invalid email local part',
  normalize: v => sanitizeLocalPart(v as string),
}

const timestamp = nullable({
  test: v => typeof v === 'string' && !Number.isNaN(Date.parse(v))
    ? undefined
    : 'Invalid date',
})

/** Properties of the `User` variant of `x:Account` (schema `fields["x:UserAccount"]`). */
export const USER_ACCOUNT_PROPERTIES: Record<string, PropertySpec> = {
  name: localPart,
  domainId: { ...objectId, references: 'Domain' },
  emailAddress: serverSet,
  credentials: objectListOf(variant({
    Password: {
      fields: {
        secret: anyString,
        expiresAt: timestamp,
        allowedIps: setOf(anyString),
        otpAuth: nullable(anyString),
      },
      defaults: { expiresAt: null, allowedIps: {}, otpAuth: null },
    },
  })),
  createdAt: serverSet,
  memberGroupIds: setOf(objectId),
  memberTenantId: nullable(objectId),
  roles: variant({
    User: {},
    Admin: {},
    Custom: {
      fields: {
        roleIds: setOf(objectId),
      },
    },
  }),
  permissions: variant({ Inherit: {}, Merge: permissionsList, Replace: permissionsList }),
  quotas: mapOf(STORAGE_QUOTAS, unsigned),
  usedDiskQuota: serverSet,
  aliases: objectListOf(variant({})),
  description: optionalText,
  locale: {
    test: v => typeof v === 'string' && /^(?:POSIX|[a-z]{2,3}(?:_[A-Z]{2})?)$/.test(v)
      ? undefined
      : 'Invalid locale',
  },
  timeZone: nullable(anyString),
  encryptionAtRest: variant({ Disabled: {} }),
}

/** What `UserAccount::default()` holds before a create is patched onto it. */
export function userAccountDefaults(): Record<string, unknown> {
  return {
    '@type': 'User',
    'name': '',
    'domainId': null,
    'credentials': {},
    'memberGroupIds': {},
    'memberTenantId': null,
    'roles': { '@type': 'User' },
    'permissions': { '@type': 'Inherit' },
    'quotas': {},
    'aliases': {},
    'description': null,
    'locale': 'en_US',
    'timeZone': null,
    'encryptionAtRest': { '@type': 'Disabled' },
  }
}
