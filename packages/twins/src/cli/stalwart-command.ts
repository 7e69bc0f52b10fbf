import type { TwinCommand } from './twin-command'
import { STALWART_TWIN_ADMIN_SECRET, STALWART_TWIN_ADMIN_USER, STALWART_TWIN_API_KEY } from '../stalwart/auth'
import { startStalwartTwin } from '../stalwart/start-stalwart-twin'
import { integerOption, textOption } from './cli-values'

export const stalwartCommand: TwinCommand = {
  name: 'stalwart',
  summary: 'Stalwart v0.16 management API (JMAP): domains, accounts, DKIM',
  // The credentials fall back to the variables the platform API reads, so one .env serves both.
  usage: `  --port <n>             listening port, 0 = random [STALWART_PORT, default 4020]
  --host <addr>          listening address [STALWART_HOST, default 127.0.0.1]
  --api-key <key>        accepted Bearer API key [STALWART_API_KEY, default ${STALWART_TWIN_API_KEY}]
  --admin-user <name>    accepted Basic user [STALWART_ADMIN_USER, default ${STALWART_TWIN_ADMIN_USER}]
  --admin-secret <s>     its secret [STALWART_ADMIN_SECRET, default ${STALWART_TWIN_ADMIN_SECRET}]
  --dkim-delay-ms <n>    delay before automatic DKIM keys appear [STALWART_DKIM_DELAY_MS, default 300]`,
  options: {
    'port': { type: 'string' },
    'host': { type: 'string' },
    'api-key': { type: 'string' },
    'admin-user': { type: 'string' },
    'admin-secret': { type: 'string' },
    'dkim-delay-ms': { type: 'string' },
  },
  async start(values, env) {
    const twin = await startStalwartTwin({
      port: integerOption(values, 'port', env.STALWART_PORT) ?? 4020,
      host: textOption(values, 'host', env.STALWART_HOST),
      apiKey: textOption(values, 'api-key', env.STALWART_API_KEY),
      adminUser: textOption(values, 'admin-user', env.STALWART_ADMIN_USER),
      adminSecret: textOption(values, 'admin-secret', env.STALWART_ADMIN_SECRET),
      dkimDelayMs: integerOption(values, 'dkim-delay-ms', env.STALWART_DKIM_DELAY_MS),
    })
    return {
      lines: [
        `stalwart listening on ${twin.url} (JMAP session at /jmap/session)`,
        `STALWART_URL=${twin.url}`,
        `STALWART_API_KEY=${twin.apiKey}`,
      ],
      stop: () => twin.stop(),
    }
  },
}
