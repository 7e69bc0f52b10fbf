import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** What nuxt-oidc-auth reads from the environment; random per start when unset, which ends every session. */
export interface NuxtOidcSecrets {
  /** base64 of 32 bytes: the AES key of the stored tokens. */
  NUXT_OIDC_TOKEN_KEY: string
  /** At least 48 characters each. */
  NUXT_OIDC_SESSION_SECRET: string
  NUXT_OIDC_AUTH_SESSION_SECRET: string
}

export interface DevSecrets {
  portal: NuxtOidcSecrets
  operator: NuxtOidcSecrets
  /** Signing keys of the IdP twin's cookies, so its login state survives a restart. */
  idpCookieKeys: string[]
}

function nuxtOidcSecrets(): NuxtOidcSecrets {
  return {
    NUXT_OIDC_TOKEN_KEY: randomBytes(32).toString('base64'),
    NUXT_OIDC_SESSION_SECRET: randomBytes(48).toString('base64url'),
    NUXT_OIDC_AUTH_SESSION_SECRET: randomBytes(48).toString('base64url'),
  }
}

function usable(secrets: Partial<NuxtOidcSecrets> | undefined): secrets is NuxtOidcSecrets {
  return !!secrets
    && Buffer.from(secrets.NUXT_OIDC_TOKEN_KEY ?? '', 'base64').length === 32
    && (secrets.NUXT_OIDC_SESSION_SECRET?.length ?? 0) >= 48
    && (secrets.NUXT_OIDC_AUTH_SESSION_SECRET?.length ?? 0) >= 48
}

/**
 * Dev secrets from `file`, generated on first use and kept, so sessions survive restarts of the stack.
 * Each app gets its own secrets: a portal session cookie must never unseal in the operator console.
 */
export async function loadDevSecrets(file: string): Promise<DevSecrets> {
  const stored: Partial<DevSecrets> = await readFile(file, 'utf8').then(text => JSON.parse(text) as Partial<DevSecrets>, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      return {}
    throw new Error(`${file} is unreadable (${error.message}); delete it to generate new dev secrets`)
  })
  const secrets: DevSecrets = {
    portal: usable(stored.portal)
      ? stored.portal
      : nuxtOidcSecrets(),
    operator: usable(stored.operator)
      ? stored.operator
      : nuxtOidcSecrets(),
    idpCookieKeys: stored.idpCookieKeys?.length
      ? stored.idpCookieKeys
      : [
          randomBytes(32).toString('base64url'),
        ],
  }
  if (JSON.stringify(secrets) !== JSON.stringify(stored)) {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
  }
  return secrets
}
