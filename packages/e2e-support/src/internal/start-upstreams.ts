import type { DnsTwin, Idp, IdpOptions } from '@dezky/twins'
import type { StackLayout } from '../stack-layout'
import { startDnsTwin, startIdp, startTwins } from '@dezky/twins'

export interface Upstreams {
  idp: Idp
  /** The DNS the API's domain checks ask, with the twins. */
  dns?: DnsTwin
  /** What the platform API needs to reach the upstream twins; empty with the IdP alone. */
  apiEnv: Record<string, string>
  stop: () => Promise<void>
}

/**
 * The IdP twin alone, or every upstream of the product when the layout has twin ports: the twins the dev
 * stack runs (`startTwins`: the IdP with Authentik's API, Stalwart, OCIS, SMTP capture) and the DNS twin.
 */
export async function startUpstreams(layout: StackLayout): Promise<Upstreams> {
  const idpOptions: IdpOptions = {
    port: layout.ports.idp,
    issuer: layout.idpIssuer,
    clients: [layout.client],
  }
  const ports = layout.ports.twins
  if (!ports) {
    const idp = await startIdp(idpOptions)
    return { idp, apiEnv: {}, stop: idp.stop }
  }
  const twins = await startTwins({
    idp: idpOptions,
    ports: {
      stalwart: ports.stalwart,
      ocis: ports.ocis,
      smtp: ports.smtp,
      smtpHttp: ports.smtpHttp,
    },
    // Tenants turn active within a second or two, as a browser test can wait for.
    dkimDelayMs: 50,
  })
  const dns = await startDnsTwin({ port: ports.dns }).catch(async (error) => {
    await twins.stop()
    throw error
  })
  return {
    idp: twins.idp,
    dns,
    apiEnv: {
      ...twins.env,
      DNS_SERVERS: dns.server,
      // The twins have no webmail of their own; Stalwart's web interface stands in for the launcher.
      WEBMAIL_URL: twins.env.STALWART_URL!,
      // The welcome mail links here.
      PORTAL_URL: layout.appUrl,
    },
    stop: async () => {
      await Promise.all([
        twins.stop(),
        dns.stop(),
      ])
    },
  }
}
