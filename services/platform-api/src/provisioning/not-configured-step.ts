import type { ProvisioningStep, StepName } from './step'
import { permanent } from './upstream-error'

/**
 * The step of an upstream the deployment has not configured: it fails for good, saying which
 * variables to set, rather than pretending the tenant has mail or files.
 */
export function notConfiguredStep(name: StepName, upstream: 'authentik' | 'stalwart' | 'ocis' | 'smtp', variables: string): ProvisioningStep {
  return {
    name,
    run: async () => {
      throw permanent(upstream, `not configured: set ${variables}`)
    },
  }
}
