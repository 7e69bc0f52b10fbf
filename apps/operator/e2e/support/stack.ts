import { defineStackLayout } from '@dezky/e2e-support'

// Ports differ from `pnpm dev` (3001/4000/4010) and from the portal's suite (3100/…), so they can all
// run at once.
export const STACK = defineStackLayout({
  clientId: 'dezky-operator',
  ports: {
    app: 3200,
    api: 4200,
    idp: 4210,
  },
})
