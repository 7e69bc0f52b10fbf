import type { TwinCommand } from './twin-command'
import { OCIS_TWIN_DEV_APP_TOKEN, OCIS_TWIN_DEV_TOKEN } from '../ocis/ocis-auth'
import { startOcisTwin } from '../ocis/start-ocis-twin'
import { integerOption, textOption } from './cli-values'

export const ocisCommand: TwinCommand = {
  name: 'ocis',
  summary: 'OCIS libregraph API (/graph): project spaces, their members, IDM users',
  usage: `  --port <n>             listening port, 0 = random [OCIS_PORT, default 4030]
  --host <addr>          listening address [OCIS_HOST, default 127.0.0.1]
  --token <token>        accepted Bearer token of the admin [OCIS_TOKEN, default ${OCIS_TWIN_DEV_TOKEN}]
  --app-user <name>      accepted app-token user (Basic) [OCIS_APP_USER, default admin]
  --app-token <token>    its app token [OCIS_APP_TOKEN, default ${OCIS_TWIN_DEV_APP_TOKEN}]`,
  options: {
    'port': { type: 'string' },
    'host': { type: 'string' },
    'token': { type: 'string' },
    'app-user': { type: 'string' },
    'app-token': { type: 'string' },
  },
  async start(values, env) {
    const token = textOption(values, 'token', env.OCIS_TOKEN) ?? OCIS_TWIN_DEV_TOKEN
    const twin = await startOcisTwin({
      port: integerOption(values, 'port', env.OCIS_PORT) ?? 4030,
      host: textOption(values, 'host', env.OCIS_HOST),
      bearerTokens: [token],
      appTokens: [
        {
          user: textOption(values, 'app-user', env.OCIS_APP_USER) ?? 'admin',
          token: textOption(values, 'app-token', env.OCIS_APP_TOKEN) ?? OCIS_TWIN_DEV_APP_TOKEN,
        },
      ],
    })
    return {
      lines: [
        `ocis listening on ${twin.url} (libregraph at /graph/v1.0)`,
        `OCIS_URL=${twin.url}`,
        `OCIS_TOKEN=${token}`,
      ],
      stop: () => twin.stop(),
    }
  },
}
