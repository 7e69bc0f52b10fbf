import type { AnyRoute } from './http/define-route'
import { auditRoutes } from './audit/routes'
import { domainRoutes } from './domains/routes'
import { flagEvaluationRoutes } from './flag-evaluation/routes'
import { flagRoutes } from './flags/routes'
import { launcherRoutes } from './launcher/routes'
import { operatorEventRoutes } from './operator-events/routes'
import { operatorRoutes } from './operators/routes'
import { overviewRoutes } from './overview/routes'
import { partnerRoutes } from './partners/routes'
import { probeRoutes } from './probes/routes'
import { provisioningRoutes } from './provisioning/routes'
import { subscriptionRoutes } from './subscriptions/routes'
import { systemRoutes } from './system/routes'
import { tenantRoutes } from './tenants/routes'
import { userRoutes } from './users/routes'

/** Every route of the API. The app, the OpenAPI document and the route-driven tests all read this list. */
export const ROUTES: readonly AnyRoute[] = [
  ...systemRoutes,
  ...userRoutes,
  ...tenantRoutes,
  ...provisioningRoutes,
  ...domainRoutes,
  ...partnerRoutes,
  ...subscriptionRoutes,
  ...auditRoutes,
  ...launcherRoutes,
  ...probeRoutes,
  ...operatorEventRoutes,
  ...overviewRoutes,
  ...operatorRoutes,
  ...flagEvaluationRoutes,
  ...flagRoutes,
]
