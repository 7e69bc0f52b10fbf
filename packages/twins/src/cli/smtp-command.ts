import type { TwinCommand } from './twin-command'
import { startSmtpTwin } from '../smtp/start-smtp-twin'
import { integerOption, textOption } from './cli-values'

export const smtpCommand: TwinCommand = {
  name: 'smtp',
  summary: 'SMTP capture server, with a web page and JSON listing every message',
  usage: `  --port <n>             SMTP port, 0 = random [SMTP_PORT, default 2525]
  --http-port <n>        port of the messages page and /__twin/ [SMTP_HTTP_PORT, default 4040]
  --host <addr>          listening address [SMTP_HOST, default 127.0.0.1]
  --user <name>          require AUTH with this user [SMTP_USER, default no AUTH]
  --password <p>         and this password [SMTP_PASSWORD]`,
  options: {
    'port': { type: 'string' },
    'http-port': { type: 'string' },
    'host': { type: 'string' },
    'user': { type: 'string' },
    'password': { type: 'string' },
  },
  async start(values, env) {
    const user = textOption(values, 'user', env.SMTP_USER)
    const password = textOption(values, 'password', env.SMTP_PASSWORD)
    if (!user !== !password)
      throw new Error('--user and --password go together')
    const twin = await startSmtpTwin({
      smtpPort: integerOption(values, 'port', env.SMTP_PORT) ?? 2525,
      httpPort: integerOption(values, 'http-port', env.SMTP_HTTP_PORT) ?? 4040,
      host: textOption(values, 'host', env.SMTP_HOST),
      auth: user && password
        ? { user, password }
        : undefined,
    })
    return {
      lines: [
        `smtp listening on ${twin.smtpUrl}, messages at ${twin.url}/`,
        `SMTP_URL=${twin.smtpUrl}`,
      ],
      stop: () => twin.stop(),
    }
  },
}
