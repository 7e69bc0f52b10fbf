import { flagDefinitionRoutes } from './flag-routes'
import { flagRuleRoutes } from './flag-rule-routes'
import { flagSegmentRoutes } from './flag-segment-routes'

/** Every flag management route (evaluation's are in ../flag-evaluation/routes.ts). */
export const flagRoutes = [
  ...flagDefinitionRoutes,
  ...flagRuleRoutes,
  ...flagSegmentRoutes,
]
