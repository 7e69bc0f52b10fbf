import { ZCreateSubscription, ZPage, ZPageQuery, ZSubscription, ZSubscriptionStatus, ZUpdateSubscription } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZTenantParams } from '../tenants/routes'
import { createSubscription } from './create-subscription'
import { findSubscriptions } from './find-subscriptions'
import { updateSubscription } from './update-subscription'

export const subscriptionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/subscriptions',
    operationId: 'listSubscriptions',
    summary: 'List a tenant\'s subscriptions, newest first',
    tag: 'Subscriptions',
    auth: true,
    access: { scope: 'tenant', capability: 'subscription:read' },
    params: ZTenantParams,
    query: ZPageQuery.extend({
      status: ZSubscriptionStatus.optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZSubscription),
    },
    handler: ({ db, principal, params, query }) => findSubscriptions({
      db,
      principal,
      slug: params.slug,
      ...query,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/subscriptions',
    operationId: 'createSubscription',
    summary: 'Start a subscription for a tenant',
    tag: 'Subscriptions',
    auth: true,
    access: { scope: 'tenant', capability: 'subscription:write' },
    params: ZTenantParams,
    body: ZCreateSubscription,
    example: {
      body: {
        plan: 'business',
        status: 'active',
        externalIds: { stripe: 'sub_123' },
      },
    },
    response: { status: 201, schema: ZSubscription },
    handler: ({ db, principal, params, body, audit }) => createSubscription({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/tenants/:slug/subscriptions/:id',
    operationId: 'updateSubscription',
    summary: 'Change a subscription\'s plan, status, period end or external ids',
    tag: 'Subscriptions',
    auth: true,
    access: { scope: 'tenant', capability: 'subscription:write' },
    params: ZTenantParams.extend({
      id: z.uuid(),
    }),
    body: ZUpdateSubscription,
    example: {
      body: { status: 'past_due' },
    },
    response: { status: 200, schema: ZSubscription },
    handler: ({ db, principal, params, body, audit }) => updateSubscription({
      db,
      principal,
      slug: params.slug,
      id: params.id,
      input: body,
      audit,
    }),
  }),
]
