import { defineStackLayout } from '@dezky/e2e-support'

/** The environment the stack's API evaluates flags in (OFREP, /flags/events), which the flag specs set up. */
export const FLAGS_ENVIRONMENT = 'development'

// Ports differ from `pnpm dev` (3000/4000/4010…) and from the operator console's suite (3200/…), so
// they can all run at once. The portal's suite runs against the whole product: every upstream twin, the
// reconciler, and the built portal run by the stack (restartable through the control port).
export const STACK = defineStackLayout({
  clientId: 'dezky-portal',
  ports: {
    app: 3100,
    api: 4100,
    idp: 4110,
    twins: {
      stalwart: 4120,
      ocis: 4121,
      smtp: 4122,
      smtpHttp: 4123,
      dns: 4124,
    },
    control: 4139,
  },
  apiEnv: { FLAGS_ENVIRONMENT },
})
