import type { PatchOutcome, Resolve } from './patch-object'
import type { StalwartStore } from './store'
import type { JsonObject, SetError, StalwartObjectType, StoredObject } from './types'
import type { ZoneOptions } from './zone-file'
import { MASKED_SECRET, USER_ACCOUNT_PROPERTIES, userAccountDefaults } from './account-spec'
import { DOMAIN_PROPERTIES, domainDefaults } from './domain-spec'
import { requiredProperty } from './errors'
import { applyCreate, applyUpdate } from './patch-object'
import { renderZoneFile } from './zone-file'

/** How one registry object type is created, updated, rendered, filtered and linked. */
export interface RegistryKind {
  type: StalwartObjectType
  /** Filters `x:<Type>/query` accepts (the type's indexes in registry/src/schema/properties_impl.rs). */
  filters: Record<string, (object: StoredObject, value: unknown) => boolean>
  render: (object: StoredObject) => JsonObject
  create: (value: JsonObject, resolve: Resolve) => PatchOutcome
  update: (existing: StoredObject, patch: JsonObject, resolve: Resolve) => PatchOutcome
  /** Primary-key and foreign-key checks the registry store makes on write. */
  constraints: (object: JsonObject, id?: string) => SetError | undefined
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z')
function text(object: StoredObject, value: unknown) {
  return typeof value === 'string'
    && [object.name, object.description].some(field => typeof field === 'string' && field.includes(value.toLowerCase()))
}

function pkViolation(property: string, object: string, id: string): SetError {
  return {
    type: 'primaryKeyViolation',
    properties: [property],
    objectId: { object, id },
  }
}

export function createRegistryKinds(store: StalwartStore, zone: ZoneOptions): Record<StalwartObjectType, RegistryKind> {
  const signaturesOf = (domainId: string) => store.list('DkimSignature').filter(s => s.domainId === domainId)
  const domain: RegistryKind = {
    type: 'Domain',
    filters: {
      name: (o, v) => o.name === v,
      text,
      memberTenantId: (o, v) => o.memberTenantId === v,
    },
    render: o => ({
      ...o,
      dnsZoneFile: renderZoneFile(o, signaturesOf(o.id), zone),
    }),
    create: (value, resolve) => {
      const outcome = applyCreate(DOMAIN_PROPERTIES, domainDefaults(), value, resolve)
      return 'ok' in outcome
        ? {
            ok: {
              ...outcome.ok,
              createdAt: now(),
            },
          }
        : outcome
    },
    update: (existing, patch, resolve) => applyUpdate(DOMAIN_PROPERTIES, existing, patch, resolve),
    constraints(object, id) {
      if (!object.name)
        return requiredProperty('name')
      const taken = store.list('Domain').find(d => d.id !== id && (d.name === object.name || Object.hasOwn(d.aliases as JsonObject, object.name as string)))
      return taken
        ? pkViolation('name', 'Domain', taken.id)
        : undefined
    },
  }
  const account: RegistryKind = {
    type: 'Account',
    filters: {
      'name': (o, v) => o.name === v,
      'domainId': (o, v) => o.domainId === v,
      'text': text,
      '@type': (o, v) => o['@type'] === v,
      'memberTenantId': (o, v) => o.memberTenantId === v,
      'memberGroupIds': (o, v) => typeof v === 'string' && Object.hasOwn(o.memberGroupIds as JsonObject, v),
    },
    render(o) {
      const domainName = store.get('Domain', o.domainId as string)?.name ?? ''
      // Secrets never leave the server: every credential's secret reads back as the mask.
      const credentials = Object.fromEntries(Object.entries(o.credentials as Record<string, JsonObject>)
        .map(([key, credential]) => [
          key,
          { ...credential, secret: MASKED_SECRET },
        ]))
      return {
        ...o,
        credentials,
        usedDiskQuota: 0,
        emailAddress: `${o.name}@${domainName}`,
      }
    },
    create(value, resolve) {
      if (value['@type'] !== 'User') {
        return {
          error: {
            type: 'invalidProperties',
            properties: ['@type'],
            description: 'The twin creates User accounts only',
          },
        }
      }
      const outcome = applyCreate(USER_ACCOUNT_PROPERTIES, userAccountDefaults(), value, resolve)
      if ('error' in outcome)
        return outcome
      const credentials = Object.values(outcome.ok.credentials as Record<string, JsonObject>)
      // `is_secure_password` refuses weak secrets with invalidProperties on `secret`.
      if (credentials.some(c => typeof c.secret === 'string' && c.secret.length < 8)) {
        return {
          error: {
            type: 'invalidProperties',
            properties: ['secret'],
            description: 'Password is too weak',
          },
        }
      }
      credentials.forEach((c, index) => (c.credentialId = String(index)))
      return {
        ok: {
          ...outcome.ok,
          createdAt: now(),
        },
      }
    },
    update: (existing, patch, resolve) => applyUpdate(USER_ACCOUNT_PROPERTIES, existing, patch, resolve),
    constraints(object, id) {
      if (!object.name)
        return requiredProperty('name')
      if (!object.domainId)
        return requiredProperty('domainId')
      if (!store.get('Domain', object.domainId as string)) {
        return {
          type: 'invalidForeignKey',
          objectId: { object: 'Domain', id: object.domainId },
        }
      }
      const taken = store.list('Account').find(a => a.id !== id && a.name === object.name && a.domainId === object.domainId)
      return taken
        ? pkViolation('email', 'Account', taken.id)
        : undefined
    },
  }
  const dkimSignature: RegistryKind = {
    type: 'DkimSignature',
    filters: {
      domainId: (o, v) => o.domainId === v,
      memberTenantId: (o, v) => o.memberTenantId === v,
    },
    render: o => ({
      ...o,
      privateKey: { '@type': 'Text', 'secret': MASKED_SECRET },
    }),
    // Manual DKIM keys are out of the twin's scope: the platform relies on automatic management.
    create: () => ({
      error: { type: 'forbidden', description: 'The twin creates DKIM signatures only through automatic DKIM management' },
    }),
    update: () => ({
      error: { type: 'forbidden', description: 'The twin does not modify DKIM signatures' },
    }),
    constraints: () => undefined,
  }
  return { Domain: domain, Account: account, DkimSignature: dkimSignature }
}

/** Objects that point at this one and so block its deletion (`CannotDeleteLinked` → `objectIsLinked`). */
export function linkedObjects(store: StalwartStore, type: StalwartObjectType, id: string): Array<{ object: string, id: string }> {
  if (type !== 'Domain')
    return []
  return [
    ...store.list('Account').filter(a => a.domainId === id).map(a => ({ object: 'Account', id: a.id })),
    ...store.list('DkimSignature').filter(s => s.domainId === id).map(s => ({ object: 'DkimSignature', id: s.id })),
  ]
}
