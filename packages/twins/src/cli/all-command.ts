import type { TwinCommand } from './twin-command'
import { startTwins } from '../start-twins'
import { integerOption, textOption } from './cli-values'

export const allCommand: TwinCommand = {
  name: 'all',
  summary: 'every twin above, on the dev stack\'s ports, and the settings the platform API needs',
  usage: `  --port <n>             the IdP's port, 0 = random [IDP_PORT, default 4010]
  --host <addr>          listening address of every twin [TWINS_HOST, default 127.0.0.1]
  --stalwart-port <n>    [STALWART_PORT, default 4020]
  --ocis-port <n>        [OCIS_PORT, default 4030]
  --smtp-port <n>        [SMTP_PORT, default 2525]
  --smtp-http-port <n>   the SMTP twin's messages page [SMTP_HTTP_PORT, default 4040]
  --keystore-file <path> persist the IdP's signing keys there [IDP_KEYSTORE_FILE, default in memory]
Prints the platform API's settings as KEY=value lines (OIDC_*, AUTHENTIK_*, STALWART_*, OCIS_*, SMTP_URL).`,
  options: {
    'port': { type: 'string' },
    'host': { type: 'string' },
    'stalwart-port': { type: 'string' },
    'ocis-port': { type: 'string' },
    'smtp-port': { type: 'string' },
    'smtp-http-port': { type: 'string' },
    'keystore-file': { type: 'string' },
  },
  async start(values, env) {
    const host = textOption(values, 'host', env.TWINS_HOST)
    const twins = await startTwins({
      host,
      idp: {
        port: integerOption(values, 'port', env.IDP_PORT) ?? 4010,
        host,
        keystoreFile: textOption(values, 'keystore-file', env.IDP_KEYSTORE_FILE),
      },
      ports: {
        stalwart: integerOption(values, 'stalwart-port', env.STALWART_PORT) ?? 4020,
        ocis: integerOption(values, 'ocis-port', env.OCIS_PORT) ?? 4030,
        smtp: integerOption(values, 'smtp-port', env.SMTP_PORT) ?? 2525,
        smtpHttp: integerOption(values, 'smtp-http-port', env.SMTP_HTTP_PORT) ?? 4040,
      },
    })
    const settings = {
      OIDC_ISSUER: twins.idp.issuer,
      OIDC_AUDIENCE: twins.idp.audience,
      ...twins.env,
    }
    return {
      lines: [
        `idp listening, issuer ${twins.idp.issuer}, authentik api at ${twins.idp.authentik.url}`,
        `stalwart listening on ${twins.stalwart.url}`,
        `ocis listening on ${twins.ocis.url}`,
        `smtp listening on ${twins.smtp.smtpUrl}, messages at ${twins.smtp.url}/`,
        '',
        '# the platform API\'s settings for these twins:',
        ...Object.entries(settings).map(([name, value]) => `${name}=${value}`),
      ],
      stop: () => twins.stop(),
    }
  },
}
