import { defineStackLayout } from '@dezky/e2e-support'

// Ports differ from `pnpm dev` (3000/4000/4010) and from the operator console's suite (3200/…), so
// they can all run at once.
export const STACK = defineStackLayout({
  clientId: 'dezky-portal',
  ports: {
    app: 3100,
    api: 4100,
    idp: 4110,
  },
})
