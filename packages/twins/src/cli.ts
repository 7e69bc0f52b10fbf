#!/usr/bin/env tsx
import process from 'node:process'
import { parseArgs } from 'node:util'
import { defaultClients } from './idp/clients'
import { startIdp } from './idp/start-idp'

const USAGE = `Usage: tsx src/cli.ts idp [options]

Options (environment fallback in brackets):
  --port <n>             listening port, 0 = random [IDP_PORT, default 4010]
  --host <addr>          listening address [IDP_HOST, default 127.0.0.1]
  --issuer <url>         http://localhost origin [IDP_ISSUER, default http://localhost:<port>]
  --audience <aud>       access token audience [IDP_AUDIENCE, default dezky-platform-api]
  --keystore-file <path> persist signing keys there [IDP_KEYSTORE_FILE, default in memory]
  --access-token-ttl <s> access token lifetime [IDP_ACCESS_TOKEN_TTL, default 300]
Environment only:
  IDP_COOKIE_KEYS                comma-separated cookie signing keys (default random per start)
  IDP_PORTAL_CLIENT_SECRET       secret of dezky-portal (default dezky-portal-dev-secret)
  IDP_OPERATOR_CLIENT_SECRET     secret of dezky-operator (default dezky-operator-dev-secret)`

// An empty variable (IDP_HOST=) means unset, as in shells and compose files.
function text(value: string | undefined): string | undefined {
  return value || undefined
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '')
    return undefined
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got ${value}`)
  return parsed
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'port': { type: 'string' },
      'host': { type: 'string' },
      'issuer': { type: 'string' },
      'audience': { type: 'string' },
      'keystore-file': { type: 'string' },
      'access-token-ttl': { type: 'string' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help || positionals[0] !== 'idp') {
    console.log(USAGE)
    process.exitCode = values.help ? 0 : 1
    return
  }

  const env = process.env
  const idp = await startIdp({
    port: integer(values.port ?? env.IDP_PORT, 'port') ?? 4010,
    host: text(values.host ?? env.IDP_HOST),
    issuer: text(values.issuer ?? env.IDP_ISSUER),
    audience: text(values.audience ?? env.IDP_AUDIENCE),
    keystoreFile: text(values['keystore-file'] ?? env.IDP_KEYSTORE_FILE),
    accessTokenTtlSeconds: integer(values['access-token-ttl'] ?? env.IDP_ACCESS_TOKEN_TTL, 'access-token-ttl'),
    cookieKeys: env.IDP_COOKIE_KEYS?.split(',').filter(Boolean),
    clients: defaultClients({
      portal: text(env.IDP_PORTAL_CLIENT_SECRET),
      operator: text(env.IDP_OPERATOR_CLIENT_SECRET),
    }),
  })
  console.log(`idp listening, issuer ${idp.issuer} (audience ${idp.audience})`)

  const shutdown = (signal: string) => {
    console.log(`idp stopping on ${signal}`)
    idp.stop().then(() => process.exit(0), (error) => {
      console.error(error)
      process.exit(1)
    })
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error
    ? error.message
    : error)
  process.exit(1)
})
