import { ZTenantServices } from '@dezky/contracts'
import { defineRoute } from '../http/define-route'
import { ZTenantParams } from '../tenants/routes'
import { findTenantServices } from './find-tenant-services'

export const launcherRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/services',
    operationId: 'listTenantServices',
    summary: 'What the tenant\'s people can open: webmail, their file space and the SSO applications',
    tag: 'Launcher',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZTenantServices },
    handler: ({ db, principal, params, deps }) => findTenantServices({
      db,
      principal,
      slug: params.slug,
      config: deps.config,
      logger: deps.logger,
    }),
  }),
]
