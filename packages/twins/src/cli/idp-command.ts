import type { TwinCommand } from './twin-command'
import { DEV_AUTHENTIK_API_TOKEN } from '../authentik/create-authentik-api'
import { defaultClients } from '../idp/clients'
import { startIdp } from '../idp/start-idp'
import { integerOption, textOption } from './cli-values'

export const idpCommand: TwinCommand = {
  name: 'idp',
  summary: 'OpenID provider with the demo users, and the Authentik /api/v3 twin on the same port',
  usage: `  --port <n>             listening port, 0 = random [IDP_PORT, default 4010]
  --host <addr>          listening address [IDP_HOST, default 127.0.0.1]
  --issuer <url>         http://localhost origin [IDP_ISSUER, default http://localhost:<port>]
  --audience <aud>       access token audience [IDP_AUDIENCE, default dezky-platform-api]
  --keystore-file <path> persist signing keys there [IDP_KEYSTORE_FILE, default in memory]
  --access-token-ttl <s> access token lifetime [IDP_ACCESS_TOKEN_TTL, default 300]
  --api-token <token>    Bearer token of the Authentik API [IDP_API_TOKEN, default ${DEV_AUTHENTIK_API_TOKEN}]
Environment only:
  IDP_COOKIE_KEYS                comma-separated cookie signing keys (default random per start)
  IDP_PORTAL_CLIENT_SECRET       secret of dezky-portal (default dezky-portal-dev-secret)
  IDP_OPERATOR_CLIENT_SECRET     secret of dezky-operator (default dezky-operator-dev-secret)`,
  options: {
    'port': { type: 'string' },
    'host': { type: 'string' },
    'issuer': { type: 'string' },
    'audience': { type: 'string' },
    'keystore-file': { type: 'string' },
    'access-token-ttl': { type: 'string' },
    'api-token': { type: 'string' },
  },
  async start(values, env) {
    const idp = await startIdp({
      port: integerOption(values, 'port', env.IDP_PORT) ?? 4010,
      host: textOption(values, 'host', env.IDP_HOST),
      issuer: textOption(values, 'issuer', env.IDP_ISSUER),
      audience: textOption(values, 'audience', env.IDP_AUDIENCE),
      keystoreFile: textOption(values, 'keystore-file', env.IDP_KEYSTORE_FILE),
      accessTokenTtlSeconds: integerOption(values, 'access-token-ttl', env.IDP_ACCESS_TOKEN_TTL),
      apiToken: textOption(values, 'api-token', env.IDP_API_TOKEN),
      cookieKeys: env.IDP_COOKIE_KEYS?.split(',').filter(Boolean),
      clients: defaultClients({
        portal: env.IDP_PORTAL_CLIENT_SECRET || undefined,
        operator: env.IDP_OPERATOR_CLIENT_SECRET || undefined,
      }),
    })
    return {
      lines: [
        `idp listening, issuer ${idp.issuer} (audience ${idp.audience})`,
        `authentik api at ${idp.authentik.url}`,
        `OIDC_ISSUER=${idp.issuer}`,
        `OIDC_AUDIENCE=${idp.audience}`,
        `AUTHENTIK_URL=${new URL(idp.authentik.url).origin}`,
        `AUTHENTIK_TOKEN=${idp.authentik.apiToken}`,
      ],
      stop: () => idp.stop(),
    }
  },
}
