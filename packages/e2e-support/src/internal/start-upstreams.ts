import type { Idp, IdpOptions } from '@dezky/twins'
import type { StackLayout } from '../stack-layout'
import { startIdp, startTwins } from '@dezky/twins'

export interface Upstreams {
  idp: Idp
  /** What the platform API needs to reach the upstream twins; empty with the IdP alone. */
  apiEnv: Record<string, string>
  stop: () => Promise<void>
}

/**
 * The IdP twin alone, or every upstream of the product when the layout has twin ports: the twins the dev
 * stack runs (`startTwins`: the IdP with Authentik's API, Stalwart, OCIS, SMTP capture).
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
  return {
    idp: twins.idp,
    apiEnv: {
      ...twins.env,
      // The welcome mail links here.
      PORTAL_URL: layout.appUrl,
    },
    stop: twins.stop,
  }
}
