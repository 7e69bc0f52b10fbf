import { CUSTOMER_SORT_FIELDS, TENANT_SORT_FIELDS, ZCreatePartner, ZPage, ZPageQuery, ZPartner, ZPartnerCustomer, ZSlug, ZTenantListItem, ZTenantStatus, ZUpdatePartner } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZSort } from '../http/pagination'
import { createPartner } from './create-partner'
import { findPartnerCustomers } from './find-partner-customers'
import { findPartnerTenants } from './find-partner-tenants'
import { findPartners, PARTNER_SORT_FIELDS } from './find-partners'
import { getPartner } from './get-partner'
import { toPartner } from './to-partner'
import { updatePartner } from './update-partner'

const ZPartnerParams = z.object({ slug: ZSlug })

export const partnerRoutes = [
  defineRoute({
    method: 'GET',
    path: '/partners',
    operationId: 'listPartners',
    summary: 'List the partners visible to the caller',
    tag: 'Partners',
    auth: true,
    access: { scope: 'list', capability: 'partner:read' },
    query: ZPageQuery.extend({
      sort: ZSort(PARTNER_SORT_FIELDS, 'name'),
      q: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZPartner),
    },
    handler: ({ db, principal, query }) => findPartners({
      db,
      principal,
      ...query,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/partners',
    operationId: 'createPartner',
    summary: 'Create a partner (reseller)',
    tag: 'Partners',
    auth: true,
    access: { scope: 'global', capability: 'partner:create' },
    body: ZCreatePartner,
    example: {
      body: {
        slug: 'cumulus',
        name: 'Cumulus Revenda',
        contacts: [
          { name: 'Carla', email: 'carla@cumulus.example', kind: 'technical' },
        ],
      },
    },
    response: { status: 201, schema: ZPartner },
    handler: ({ db, principal, body, audit }) => createPartner({ db, principal, input: body, audit }),
  }),
  defineRoute({
    method: 'GET',
    path: '/partners/:slug',
    operationId: 'getPartner',
    summary: 'Get one partner',
    tag: 'Partners',
    auth: true,
    access: { scope: 'partner', capability: 'partner:read' },
    params: ZPartnerParams,
    response: { status: 200, schema: ZPartner },
    handler: async ({ db, principal, params }) => toPartner(await getPartner({ db, principal, slug: params.slug })),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/partners/:slug',
    operationId: 'updatePartner',
    summary: 'Change a partner\'s name, branding or contacts',
    tag: 'Partners',
    auth: true,
    access: { scope: 'partner', capability: 'partner:update' },
    params: ZPartnerParams,
    body: ZUpdatePartner,
    example: {
      body: {
        branding: { productName: 'Nimbus Workspace', primaryColor: '#0e7490' },
      },
    },
    response: { status: 200, schema: ZPartner },
    handler: ({ db, principal, params, body, audit }) => updatePartner({
      db,
      principal,
      slug: params.slug,
      input: body,
      audit,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/partners/:slug/tenants',
    operationId: 'listPartnerTenants',
    summary: 'List a partner\'s customer tenants',
    tag: 'Partners',
    auth: true,
    access: { scope: 'partner', capability: 'partner:read' },
    params: ZPartnerParams,
    query: ZPageQuery.extend({
      sort: ZSort(TENANT_SORT_FIELDS, 'name'),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZTenantListItem),
    },
    handler: ({ db, principal, params, query }) => findPartnerTenants({
      db,
      principal,
      slug: params.slug,
      ...query,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/partners/:slug/customers',
    operationId: 'listPartnerCustomers',
    summary: 'A partner\'s customers (by name unless sorted otherwise), with their member count and provisioning health',
    tag: 'Partners',
    auth: true,
    access: { scope: 'partner', capability: 'partner:read' },
    params: ZPartnerParams,
    query: ZPageQuery.extend({
      sort: ZSort(CUSTOMER_SORT_FIELDS, 'name'),
      status: ZTenantStatus.optional(),
      q: z.string().trim().min(1).max(100).optional(),
    }).strict(),
    response: {
      status: 200,
      schema: ZPage(ZPartnerCustomer),
    },
    handler: ({ db, principal, params, query }) => findPartnerCustomers({
      db,
      principal,
      slug: params.slug,
      ...query,
    }),
  }),
]
