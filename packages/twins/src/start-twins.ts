import type { Idp, IdpOptions } from './idp/start-idp'
import type { OcisTwin } from './ocis/start-ocis-twin'
import type { SmtpTwin } from './smtp/start-smtp-twin'
import type { StalwartTwin } from './stalwart/start-stalwart-twin'
import { DEMO_APPLICATIONS } from './authentik/applications'
import { startIdp } from './idp/start-idp'
import { OCIS_TWIN_DEV_TOKEN } from './ocis/ocis-auth'
import { startOcisTwin } from './ocis/start-ocis-twin'
import { startSmtpTwin } from './smtp/start-smtp-twin'
import { startStalwartTwin } from './stalwart/start-stalwart-twin'

export interface TwinsOptions {
  /** The IdP's settings; its Authentik lists {@link DEMO_APPLICATIONS} unless `idp.applications` says otherwise. */
  idp?: IdpOptions
  /** Fixed ports (0 or absent: free ones). */
  ports?: { stalwart?: number, ocis?: number, smtp?: number, smtpHttp?: number }
  host?: string
  /** Delay before the Stalwart twin's automatic DKIM keys appear. */
  dkimDelayMs?: number
}

export interface Twins {
  idp: Idp
  stalwart: StalwartTwin
  ocis: OcisTwin
  smtp: SmtpTwin
  /** The platform API's upstream settings pointing at these twins (AUTHENTIK_URL, STALWART_URL, …). */
  env: Record<string, string>
  /** Writes every upstream twin received (Authentik, Stalwart, OCIS, SMTP). */
  writes: () => { authentik: number, stalwart: number, ocis: number, smtp: number, total: number }
  resetWrites: () => void
  stop: () => Promise<void>
}

/**
 * Every upstream the reconciler talks to, as twins on loopback: the IdP with its Authentik API, Stalwart,
 * OCIS and an SMTP capture server — for the dev stack, tests and benchmarks.
 *
 * @example
 * const twins = await startTwins()
 * const api = await startPlatformApi({ ...process.env, ...twins.env })
 */
export async function startTwins(options: TwinsOptions = {}): Promise<Twins> {
  const host = options.host ?? '127.0.0.1'
  const started: { stop: () => Promise<void> }[] = []
  try {
    const idp = await startIdp({ port: 0, applications: DEMO_APPLICATIONS, ...options.idp })
    started.push(idp)
    const stalwart = await startStalwartTwin({ port: options.ports?.stalwart, host, dkimDelayMs: options.dkimDelayMs })
    started.push(stalwart)
    const ocis = await startOcisTwin({ port: options.ports?.ocis, host })
    started.push(ocis)
    const smtp = await startSmtpTwin({ smtpPort: options.ports?.smtp, httpPort: options.ports?.smtpHttp, host })
    started.push(smtp)
    const upstreams = [idp.authentik, stalwart, ocis, smtp]
    return {
      idp,
      stalwart,
      ocis,
      smtp,
      env: {
        AUTHENTIK_URL: new URL(idp.authentik.url).origin,
        AUTHENTIK_TOKEN: idp.authentik.apiToken,
        STALWART_URL: stalwart.url,
        STALWART_API_KEY: stalwart.apiKey,
        OCIS_URL: ocis.url,
        OCIS_TOKEN: OCIS_TWIN_DEV_TOKEN,
        SMTP_URL: smtp.smtpUrl,
      },
      writes: () => {
        const [authentik, mail, files, sent] = upstreams.map(upstream => upstream.writes().total) as [number, number, number, number]
        return {
          authentik,
          stalwart: mail,
          ocis: files,
          smtp: sent,
          total: authentik + mail + files + sent,
        }
      },
      resetWrites: () => upstreams.forEach(upstream => upstream.resetWrites()),
      stop: async () => {
        await Promise.all(started.map(twin => twin.stop()))
      },
    }
  }
  catch (error) {
    await Promise.allSettled(started.map(twin => twin.stop()))
    throw error
  }
}
