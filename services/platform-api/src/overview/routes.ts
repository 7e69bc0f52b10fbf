import { ZOverview } from '@dezky/contracts'
import { defineRoute } from '../http/define-route'
import { getOverview } from './get-overview'

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/overview',
    operationId: 'getOverview',
    summary: 'The operator console\'s counts: tenants by status, provisioning errors now, new tenants, users, partners',
    tag: 'Overview',
    auth: true,
    access: { scope: 'global', capability: 'overview:read' },
    response: { status: 200, schema: ZOverview },
    handler: ({ db, principal }) => getOverview({ db, principal }),
  }),
]
