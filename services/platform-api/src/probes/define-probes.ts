import type { TProbeKind, TProbeName } from '@dezky/contracts'
import type { Config } from '../config'
import type { Database } from '../db/client'
import { PROBE_NAMES } from '@dezky/contracts'
import { checkHttp } from './check-http'
import { checkPostgres } from './check-postgres'
import { checkSmtp } from './check-smtp'

export interface ProbeDefinition {
  name: TProbeName
  kind: TProbeKind
  /** `host:port`; null: not configured, never probed. */
  target: string | null
  /** Throws a CheckFailure (or anything) when unhealthy; absent when not configured. */
  check?: (signal: AbortSignal) => Promise<void>
}

/**
 * Health endpoints from each upstream's documentation (the OpenAPI specs in shared/upstream do not
 * cover them): Authentik `/-/health/ready/` (200, 204 before 2025; docs "Monitoring"), Stalwart
 * `/healthz/ready` (200), OCIS `/status.php` served by its proxy (200, no authentication).
 */
const HTTP_PROBES = {
  authentik: {
    setting: 'AUTHENTIK_URL',
    path: '/-/health/ready/',
    expected: [200, 204],
  },
  stalwart: {
    setting: 'STALWART_URL',
    path: '/healthz/ready',
    expected: [200],
  },
  ocis: {
    setting: 'OCIS_URL',
    path: '/status.php',
    expected: [200],
  },
} as const satisfies Partial<Record<TProbeName, { setting: keyof Config, path: string, expected: readonly number[] }>>

/**
 * One probe per dependency, from the same settings the reconciler uses: an upstream without a URL is
 * `not-configured` (and never shown as healthy), the database is always probed.
 *
 * @example
 * defineProbes(config, db).find(p => p.name === 'smtp')?.target // 'mail.example.com:587'
 */
export function defineProbes(config: Config, db: Database): ProbeDefinition[] {
  return PROBE_NAMES.map((name): ProbeDefinition => {
    if (name === 'postgres') {
      return {
        name,
        kind: 'postgres',
        target: poolTarget(db),
        check: signal => checkPostgres(db.$client, signal),
      }
    }
    if (name === 'smtp')
      return smtpProbe(config.SMTP_URL)
    const { setting, path, expected } = HTTP_PROBES[name]
    const base = config[setting]
    if (!base)
      return { name, kind: 'http', target: null }
    // Joined onto the configured URL's own path: an upstream served under a prefix (`/auth/`) keeps it.
    const url = new URL(base)
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`
    url.username = ''
    url.password = ''
    return {
      name,
      kind: 'http',
      target: hostPort(url),
      check: signal => checkHttp({ url, expected, signal }),
    }
  })
}

function smtpProbe(smtpUrl: string | undefined): ProbeDefinition {
  if (!smtpUrl)
    return { name: 'smtp', kind: 'smtp', target: null }
  const url = new URL(smtpUrl)
  const tls = url.protocol === 'smtps:'
  // nodemailer's defaults for a URL without a port, so the probe reaches what the mailer would.
  const port = Number(url.port) || (tls
    ? 465
    : 587)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  return {
    name: 'smtp',
    kind: 'smtp',
    target: `${url.hostname}:${port}`,
    check: signal => checkSmtp({ host, port, tls, signal }),
  }
}

function hostPort(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:'
    ? 443
    : 80)}`
}

/** Where the pool connects; the embedded database's URL is not in the config. */
function poolTarget(db: Database): string | null {
  const options = (db.$client as unknown as { options: { connectionString?: string, host?: string, port?: number } }).options
  if (options.connectionString) {
    try {
      const url = new URL(options.connectionString)
      return `${url.hostname || 'localhost'}:${url.port || 5432}`
    }
    catch {
      return null
    }
  }
  return `${options.host ?? 'localhost'}:${options.port ?? 5432}`
}
