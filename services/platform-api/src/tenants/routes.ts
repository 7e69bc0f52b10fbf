import { TENANT_SORT_FIELDS, ZAttachTenantPartner, ZCreateTenant, ZEffectiveBrand, ZOffboardTenant, ZPage, ZPageQuery, ZPlan, ZProvisioningHealth, ZResumeTenant, ZSlug, ZSuspendTenant, ZTenant, ZTenantListItem, ZTenantStatus, ZTenantUsage, ZUpdateTenant } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZSort } from '../http/pagination'
import { createTenant } from './create-tenant'
import { findTenants } from './find-tenants'
import { getTenant } from './get-tenant'
import { getTenantBrand } from './get-tenant-brand'
import { getTenantUsage } from './get-tenant-usage'
import { offboardTenant } from './offboard-tenant'
import { resumeTenant } from './resume-tenant'
import { setTenantPartner } from './set-tenant-partner'
import { suspendTenant } from './suspend-tenant'
import { toTenant } from './to-tenant'
import { updateTenant } from './update-tenant'

export const ZTenantParams = z.object({ slug: ZSlug })

const ZTenantListQuery = ZPageQuery.extend({
  sort: ZSort(TENANT_SORT_FIELDS, '-createdAt'),
  status: ZTenantStatus.optional(),
  plan: ZPlan.optional(),
  partner: ZSlug.optional(),
  /** A separate flag, not a reserved `partner` value: any slug may name a partner. */
  direct: z.enum(['true', 'false']).transform(value => value === 'true').optional(),
  health: ZProvisioningHealth.optional(),
  q: z.string().trim().min(1).max(100).optional(),
}).strict().refine(query => !(query.direct && query.partner), {
  path: ['direct'],
  message: 'a tenant with a partner is not direct: send partner or direct=true, not both',
})

export const tenantRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants',
    operationId: 'listTenants',
    summary: 'List the tenants visible to the caller, each with its member count and provisioning health',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'list', capability: 'tenant:read' },
    query: ZTenantListQuery,
    response: {
      status: 200,
      schema: ZPage(ZTenantListItem),
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
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/suspend',
    operationId: 'suspendTenant',
    summary: 'Suspend a tenant: nobody signs in, mail cannot be read or sent, files are closed; nothing is deleted',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:suspend' },
    params: ZTenantParams,
    body: ZSuspendTenant,
    example: {
      body: { reason: 'Invoice 2026-11 unpaid' },
    },
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, body, audit }) => suspendTenant({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/resume',
    operationId: 'resumeTenant',
    summary: 'Resume a suspended tenant, or cancel an offboarding during its grace period',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:suspend' },
    params: ZTenantParams,
    body: ZResumeTenant,
    example: {
      body: { reason: 'Paid' },
    },
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, body, audit }) => resumeTenant({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/offboard',
    operationId: 'offboardTenant',
    summary: 'Offboard a tenant: suspended now, removed upstream after the grace period (default 30 days)',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:offboard' },
    params: ZTenantParams,
    body: ZOffboardTenant,
    example: {
      body: { reason: 'Contract ended', graceDays: 30 },
    },
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, body, audit }) => offboardTenant({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/usage',
    operationId: 'getTenantUsage',
    summary: 'A tenant\'s plan, its limits and what it uses (people, mailboxes, storage)',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZTenantUsage },
    handler: ({ db, principal, params }) => getTenantUsage({ db, principal, slug: params.slug }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/brand',
    operationId: 'getTenantBrand',
    summary: 'The brand a tenant\'s people see: the tenant\'s branding, else its partner\'s',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZEffectiveBrand },
    handler: ({ db, principal, params }) => getTenantBrand({ db, principal, slug: params.slug }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/tenants/:slug/partner',
    operationId: 'attachTenantPartner',
    summary: 'Make a tenant a customer of this partner (attach, or move it from another partner)',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:partner' },
    params: ZTenantParams,
    body: ZAttachTenantPartner,
    example: {
      body: { partnerSlug: 'stratus' },
    },
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, body, audit }) => setTenantPartner({
      db,
      principal,
      slug: params.slug,
      partnerSlug: body.partnerSlug,
      audit,
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/tenants/:slug/partner',
    operationId: 'detachTenantPartner',
    summary: 'Detach a tenant from its partner: it becomes a direct customer of the provider',
    tag: 'Tenants',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:partner' },
    params: ZTenantParams,
    response: { status: 200, schema: ZTenant },
    handler: ({ db, principal, params, audit }) => setTenantPartner({
      db,
      principal,
      slug: params.slug,
      partnerSlug: null,
      audit,
    }),
  }),
]
