import type { JsonObject } from './types'
import { generateKeyPair, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

const generate = promisify(generateKeyPair)

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

// The strftime subset selector templates use in practice (`{date-%Y%m%d}` is the default).
function strftime(format: string, at: Date): string {
  const parts: Record<string, string> = {
    Y: String(at.getUTCFullYear()),
    m: pad(at.getUTCMonth() + 1),
    d: pad(at.getUTCDate()),
    H: pad(at.getUTCHours()),
    M: pad(at.getUTCMinutes()),
    S: pad(at.getUTCSeconds()),
  }
  return format.replace(/%([YmdHMS])/g, (_, key: string) => parts[key]!)
}

/**
 * A selector from the domain's template, as `generate_dkim_selector` (common/src/network/dkim.rs) does:
 * `{algorithm}` rsa|ed25519, `{hash}` sha256, `{version}` 1|2, `{date-<fmt>}`, `{epoch}`, `{random}`;
 * characters other than `[A-Za-z0-9._-]` are dropped.
 */
export function renderSelector(template: string, type: string, at = new Date()): string {
  const algorithm = type.includes('Ed25519')
    ? 'ed25519'
    : 'rsa'
  const version = type.startsWith('Dkim2')
    ? '2'
    : '1'
  const rendered = template.replace(/\{([^}]*)\}/g, (_, name: string) => {
    if (name === 'algorithm')
      return algorithm
    if (name === 'hash')
      return 'sha256'
    if (name === 'version')
      return version
    if (name === 'epoch')
      return String(Math.floor(at.getTime() / 1000))
    if (name === 'random')
      return randomBytes(6).toString('base64url').slice(0, 8).toLowerCase()
    if (name.startsWith('date-'))
      return strftime(name.slice(5), at)
    throw new Error(`unrecognized variable '{${name}}'`)
  })
  return rendered.replace(/[^\w.-]/g, '')
}

/**
 * A new key pair for one signature type: Ed25519, or RSA-2048 as `generate_dkim_private_key` makes. The
 * public key is what the DKIM TXT record publishes: the raw Ed25519 key, or the PKCS#1 RSA key, base64.
 */
export async function generateDkimKey(type: string): Promise<{ privateKeyPem: string, publicKey: string }> {
  if (type.includes('Ed25519')) {
    const { privateKey, publicKey } = await generate('ed25519')
    const jwk = publicKey.export({ format: 'jwk' }) as JsonObject
    return {
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKey: Buffer.from(jwk.x as string, 'base64url').toString('base64'),
    }
  }
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 })
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    publicKey: publicKey.export({ format: 'der', type: 'pkcs1' }).toString('base64'),
  }
}

/** A `Dkim1Signature` / `Dkim2Signature` as the DKIM management task stores it (stage `active`). */
export async function createDkimSignature(type: string, domainId: string, selectorTemplate: string, memberTenantId: unknown): Promise<JsonObject> {
  const key = await generateDkimKey(type)
  return {
    '@type': type,
    'domainId': domainId,
    'memberTenantId': memberTenantId ?? null,
    'selector': renderSelector(selectorTemplate, type),
    'stage': 'active',
    'nextTransitionAt': null,
    'privateKey': { '@type': 'Text', 'secret': key.privateKeyPem },
    'publicKey': key.publicKey,
    'canonicalization': 'relaxed/relaxed',
    'headers': {
      'Date': true,
      'From': true,
      'Message-ID': true,
      'Subject': true,
      'To': true,
    },
    'report': true,
    'auid': null,
    'expire': null,
    'thirdParty': null,
    'thirdPartyHash': null,
    'createdAt': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}
