import type { Check, PropertySpec } from './checks'
import { anyString, boolean, enumOf, nullable, optionalText, serverSet, setOf, unsigned, variant } from './checks'
import { sanitizeDomain } from './names'

const domainName: Check = {
  test: v => typeof v === 'string' && sanitizeDomain(v)
    ? undefined
    : 'Invalid domain name',
  normalize: v => sanitizeDomain(v as string),
}

export const DKIM_SIGNATURE_TYPES = [
  'Dkim1Ed25519Sha256',
  'Dkim1RsaSha256',
  'Dkim2Ed25519Sha256',
  'Dkim2RsaSha256',
] as const

/** `DkimManagementProperties` defaults from the schema (durations in milliseconds). */
export const DKIM_AUTOMATIC_DEFAULTS = {
  algorithms: { Dkim1Ed25519Sha256: true, Dkim1RsaSha256: true },
  deleteAfter: 2_592_000_000,
  retireAfter: 604_800_000,
  rotateAfter: 7_776_000_000,
  selectorTemplate: 'v{version}-{algorithm}-{date-%Y%m%d}',
}

/** Properties of `x:Domain` (schema `fields["x:Domain"]`), checked as `Domain::patch_property` does. */
export const DOMAIN_PROPERTIES: Record<string, PropertySpec> = {
  name: domainName,
  aliases: setOf(domainName),
  isEnabled: boolean,
  createdAt: serverSet,
  description: optionalText,
  logo: optionalText,
  certificateManagement: variant({
    Manual: {},
    Automatic: {
      fields: {
        acmeProviderId: anyString,
        subjectAlternativeNames: setOf(anyString),
      },
    },
  }),
  dkimManagement: variant({
    Manual: {},
    Automatic: {
      fields: {
        algorithms: setOf(enumOf(DKIM_SIGNATURE_TYPES)),
        deleteAfter: unsigned,
        retireAfter: unsigned,
        rotateAfter: unsigned,
        selectorTemplate: anyString,
      },
      defaults: DKIM_AUTOMATIC_DEFAULTS,
    },
  }),
  dnsManagement: variant({
    Manual: {},
    Automatic: {
      fields: {
        dnsServerId: anyString,
        origin: nullable(anyString),
        publishRecords: setOf(anyString),
      },
    },
  }),
  dnsZoneFile: serverSet,
  memberTenantId: nullable(anyString),
  directoryId: nullable(anyString),
  catchAllAddress: nullable({
    test: v => typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v)
      ? undefined
      : 'Invalid email address',
  }),
  subAddressing: variant({
    Enabled: {},
    Disabled: {},
    Custom: {
      fields: { customRule: anyString },
    },
  }),
  allowRelaying: boolean,
  reportAddressUri: nullable(anyString),
}

/** What `Domain::default()` holds before a create is patched onto it. */
export function domainDefaults(): Record<string, unknown> {
  return {
    name: '',
    aliases: {},
    isEnabled: true,
    description: null,
    logo: null,
    certificateManagement: { '@type': 'Manual' },
    dkimManagement: {
      '@type': 'Automatic',
      ...structuredClone(DKIM_AUTOMATIC_DEFAULTS),
    },
    dnsManagement: { '@type': 'Manual' },
    memberTenantId: null,
    directoryId: null,
    catchAllAddress: null,
    subAddressing: { '@type': 'Enabled' },
    allowRelaying: false,
    reportAddressUri: 'mailto:postmaster',
  }
}
