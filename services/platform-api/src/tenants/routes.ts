import { ZCreateTenant, ZPage, ZPageQuery, ZPlan, ZSlug, ZTenant, ZTenantStatus, ZUpdateTenant } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZSort } from '../http/pagination'
import { createTenant } from './create-tenant'
import { findTenants, TENANT_SORT_FIELDS } from './find-tenants'
import { getTenant } from './get-tenant'
import { toTenant } from './to-tenant'
import { updateTenant } from './update-tenant'

export const ZTenantParams = z.object({ slug: ZSlug })

const ZTenantListQuery = ZPageQuery.extend({
  sort: ZSort(TENANT_SORT_FIELDS, '-createdAt'),
  status: ZTenantStatus.optional(),
  plan: ZPlan.optional(),
  partner: ZSlug.optional(),
  q: z.string().trim().min(1).max(100).optional(),
}).strict()

export const tenantRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants',
    operationId: 'listTenants',
    summary: 'List the tenants visible to the caller',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'list', capability: 'tenant:read' },
    query: ZTenantListQuery,
    response: {
      status: 200,
      schema: ZPage(ZTenant),
    },
    handler: ({ db, principal, query }) => findTenants({
      db,
      principal,
      ...query,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants',
    operationId: 'createTenant',
    summary: 'Create a customer tenant (it starts in provisioning)',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'global', capability: 'tenant:create' },
    body: ZCreateTenant,
    example: {
      body: {
        slug: 'example-co',
        name: 'Example Co',
        plan: 'starter',
        partnerSlug: 'nimbus',
        domains: ['example.com'],
      },
    },
    response: { status: 201, schema: ZTenant },
    handler: ({ db, principal, body, audit }) => createTenant({ db, principal, input: body, audit }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug',
    operationId: 'getTenant',
    summary: 'Get one tenant',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZTenant },
    handler: async ({ db, principal, params }) => toTenant(await getTenant({ db, principal, slug: params.slug })),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/tenants/:slug',
    operationId: 'updateTenant',
    summary: 'Change a tenant (status and plan need tenant:manage)',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:update' },
    params: ZTenantParams,
    body: ZUpdateTenant,
    example: {
      body: { name: 'Example Co Ltda' },
    },
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, body, audit }) => updateTenant({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
]
