import type { TFlagEnvironmentConfigInput } from '@dezky/contracts'

export interface DemoFlag {
  key: string
  name: string
  description: string
  type: 'release' | 'experiment' | 'operational' | 'kill-switch' | 'permission'
  /** The rule per environment, set once when the flag is created (operators' later changes are kept). */
  rules: Record<string, TFlagEnvironmentConfigInput>
  overrides?: { environment: string, scope: 'partner' | 'tenant' | 'user', scopeId: string, value: boolean, note: string }[]
  /** Pulled with this reason when created. */
  killReason?: string
}

/** One flag of each type and state, so every screen of the console and the portal's card have something to show. */
export const DEMO_FLAGS: readonly DemoFlag[] = [
  {
    key: 'portal.setup-checklist',
    name: 'Get started checklist',
    description: 'The portal dashboard\'s "Get started" card: add and verify a domain, invite the team.',
    type: 'release',
    rules: {
      development: { state: 'on' },
      staging: { state: 'on' },
      production: { state: 'rollout', rolloutPercent: 50, stickiness: 'tenant' },
    },
  },
  {
    key: 'mail.large-attachments',
    name: 'Large attachments (50 MB)',
    description: 'Raises the attachment limit for paying plans while the mail cluster\'s storage is watched.',
    type: 'experiment',
    rules: {
      development: {
        state: 'targeted',
        strategies: [
          {
            name: 'flexibleRollout',
            parameters: { rollout: '100', stickiness: 'tenant', groupId: 'mail.large-attachments' },
            constraints: [
              {
                contextName: 'plan',
                operator: 'IN',
                values: ['business', 'enterprise'],
              },
            ],
          },
        ],
      },
    },
  },
  {
    key: 'ops.maintenance-banner',
    name: 'Maintenance banner',
    description: 'Announces planned maintenance in the portal header.',
    type: 'operational',
    rules: {
      development: { state: 'off' },
    },
  },
  {
    key: 'files.external-sharing',
    name: 'External sharing of files',
    description: 'Lets members share files with people outside the company.',
    type: 'permission',
    rules: {
      development: { state: 'off' },
    },
    overrides: [
      {
        environment: 'development',
        scope: 'tenant',
        scopeId: 'acme',
        value: true,
        note: 'Asked for by the owner',
      },
    ],
  },
  {
    key: 'billing.new-invoices',
    name: 'New invoice layout',
    description: 'The redesigned invoice PDFs.',
    type: 'kill-switch',
    rules: {
      development: { state: 'on' },
    },
    killReason: 'Totals rounded wrongly for BRL; fix pending',
  },
]
