import { ZProvisioning, ZProvisioningStepName } from '@dezky/contracts'
import { defineRoute } from '../http/define-route'
import { ZTenantParams } from '../tenants/routes'
import { getProvisioning } from './get-provisioning'
import { reconcileTenant } from './reconcile-tenant'
import { streamProvisioning } from './stream-provisioning'

const ZStepParams = ZTenantParams.extend({ step: ZProvisioningStepName })

export const provisioningRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/provisioning',
    operationId: 'getProvisioning',
    summary: 'Provisioning of a tenant: each step (identity, mail, files, onboarding), DNS records to publish',
    tag: 'Provisioning',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZProvisioning },
    handler: ({ db, principal, params }) => getProvisioning({ db, principal, slug: params.slug }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/provisioning/events',
    operationId: 'streamProvisioning',
    summary: 'The same view as server-sent events: once at once, then after each change (the stream ends after 5 minutes; EventSource reconnects)',
    tag: 'Provisioning',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:read' },
    params: ZTenantParams,
    response: { status: 200, description: '`event: provisioning` messages whose data is the provisioning view', contentType: 'text/event-stream' },
    handler: ({ deps, principal, params, event }) => streamProvisioning({
      db: deps.db,
      principal,
      slug: params.slug,
      events: deps.provisioningEvents,
      signal: event.req.signal,
      maxMs: deps.config.SSE_MAX_SECONDS * 1000,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/reconcile',
    operationId: 'reconcileTenant',
    summary: 'Reconcile a tenant now: every step becomes due with its attempts reset (operators)',
    tag: 'Provisioning',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:reconcile' },
    params: ZTenantParams,
    response: { status: 202, schema: ZProvisioning },
    handler: ({ db, principal, params, audit }) => reconcileTenant({
      db,
      principal,
      slug: params.slug,
      audit,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/provisioning/:step/retry',
    operationId: 'retryProvisioningStep',
    summary: 'Retry one step now, e.g. one resting in error after its last attempt (operators)',
    tag: 'Provisioning',
    auth: true,
    access: { scope: 'tenant', capability: 'tenant:reconcile' },
    params: ZStepParams,
    response: { status: 202, schema: ZProvisioning },
    handler: ({ db, principal, params, audit }) => reconcileTenant({
      db,
      principal,
      slug: params.slug,
      step: params.step,
      audit,
    }),
  }),
]
