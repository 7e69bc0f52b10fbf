import { defineStackLayout } from '@dezky/e2e-support'

/** The environment the stack's API evaluates flags in: the flag pages open on it, the Flags tab explains it. */
export const FLAGS_ENVIRONMENT = 'development'

// Ports differ from `pnpm dev` (3001/4000/4010…) and from the portal's suite (3100/41xx), so they can all
// run at once. Like the portal's, the console's suite runs against the whole product: every upstream
// twin (Authentik on the IdP twin, Stalwart, OCIS, SMTP, DNS), the API with its reconciler inline, and the
// built console run by the stack.
export const STACK = defineStackLayout({
  clientId: 'dezky-operator',
  ports: {
    app: 3200,
    api: 4200,
    idp: 4210,
    twins: {
      stalwart: 4220,
      ocis: 4221,
      smtp: 4222,
      smtpHttp: 4223,
      dns: 4224,
    },
    control: 4239,
  },
  // Probes every 2 s, so a failing twin shows on the infrastructure page within a test's patience.
  apiEnv: { PROBE_INTERVAL_SECONDS: '2', FLAGS_ENVIRONMENT },
})
