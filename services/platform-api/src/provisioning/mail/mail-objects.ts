import type { JsonObject } from './jmap-client'

/** An `x:Domain` as the mail step needs it. */
export interface MailDomain {
  id: string
  name: string
  isEnabled: boolean
  dkimManagement: string
  createdAt?: string
  /** `dezky:tenant:<slug>` on domains the platform created (see mail-marker.ts). */
  description?: string
  /** The records Stalwart wants published, in BIND syntax. */
  dnsZoneFile: string
}

/** A user `x:Account` as the mail step needs it (`name` is the local part, `domainId` the domain). */
export interface MailAccount {
  id: string
  name: string
  domainId: string
  email: string
  maxDiskQuota?: number
  permissions: JsonObject
  /** `dezky:tenant:<slug>` on accounts the platform created (see mail-marker.ts). */
  description?: string
}

export const DOMAIN_PROPERTIES = [
  'id',
  'name',
  'isEnabled',
  'dkimManagement',
  'createdAt',
  'dnsZoneFile',
  'description',
]
export const ACCOUNT_PROPERTIES = [
  'id',
  '@type',
  'name',
  'domainId',
  'emailAddress',
  'quotas',
  'permissions',
  'description',
]

function textOf(value: unknown) {
  return typeof value === 'string'
    ? value
    : undefined
}

export function toMailDomain(object: JsonObject): MailDomain {
  return {
    id: String(object.id),
    name: String(object.name),
    isEnabled: object.isEnabled !== false,
    dkimManagement: String((object.dkimManagement as JsonObject | undefined)?.['@type'] ?? ''),
    createdAt: typeof object.createdAt === 'string'
      ? object.createdAt
      : undefined,
    dnsZoneFile: typeof object.dnsZoneFile === 'string'
      ? object.dnsZoneFile
      : '',
    description: textOf(object.description),
  }
}

export function toMailAccount(object: JsonObject): MailAccount {
  const quotas = (object.quotas ?? {}) as JsonObject
  return {
    id: String(object.id),
    name: String(object.name),
    domainId: String(object.domainId),
    email: String(object.emailAddress ?? '').toLowerCase(),
    maxDiskQuota: typeof quotas.maxDiskQuota === 'number'
      ? quotas.maxDiskQuota
      : undefined,
    permissions: (object.permissions ?? { '@type': 'Inherit' }) as JsonObject,
    description: textOf(object.description),
  }
}
