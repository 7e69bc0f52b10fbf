import { ZAddTenantDomain, ZDomainName, ZSlug, ZTenantDomain, ZTenantDomainList } from '@dezky/contracts'
import { z } from 'zod'
import { defineRoute } from '../http/define-route'
import { ZTenantParams } from '../tenants/routes'
import { addTenantDomain } from './add-tenant-domain'
import { checkTenantDomain } from './check-tenant-domain'
import { findTenantDomains } from './find-tenant-domains'
import { getTenantDomain } from './get-tenant-domain'
import { removeTenantDomain } from './remove-tenant-domain'

const ZTenantDomainParams = z.object({
  slug: ZSlug,
  domain: z.string().toLowerCase().pipe(ZDomainName),
})

export const domainRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/domains',
    operationId: 'listTenantDomains',
    summary: 'List a tenant\'s domains with every DNS record to publish and its last check',
    tag: 'Domains',
    auth: true,
    access: { scope: 'tenant', capability: 'domain:read' },
    params: ZTenantParams,
    response: { status: 200, schema: ZTenantDomainList },
    handler: ({ db, principal, params, deps }) => findTenantDomains({
      db,
      principal,
      slug: params.slug,
      mxHost: deps.config.MAIL_MX_HOST,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/domains',
    operationId: 'addTenantDomain',
    summary: 'Add a domain (provisioned into the mail server; publish its verification record to prove ownership)',
    tag: 'Domains',
    auth: true,
    access: { scope: 'tenant', capability: 'domain:write' },
    params: ZTenantParams,
    body: ZAddTenantDomain,
    example: {
      body: { name: 'example.com' },
    },
    response: { status: 201, schema: ZTenantDomain },
    handler: ({ db, principal, params, body, deps, audit }) => addTenantDomain({
      db,
      principal,
      slug: params.slug,
      input: body,
      mxHost: deps.config.MAIL_MX_HOST,
      audit,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/tenants/:slug/domains/:domain',
    operationId: 'getTenantDomain',
    summary: 'Get one domain of a tenant with its records and their last check',
    tag: 'Domains',
    auth: true,
    access: { scope: 'tenant', capability: 'domain:read' },
    params: ZTenantDomainParams,
    response: { status: 200, schema: ZTenantDomain },
    handler: ({ db, principal, params, deps }) => getTenantDomain({
      db,
      principal,
      slug: params.slug,
      name: params.domain,
      mxHost: deps.config.MAIL_MX_HOST,
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tenants/:slug/domains/:domain/check',
    operationId: 'checkTenantDomain',
    summary: 'Look every record of a domain up in DNS now (at most once per 10 seconds; the first match of the verification record verifies the domain)',
    tag: 'Domains',
    auth: true,
    access: { scope: 'tenant', capability: 'domain:write' },
    // Its lookups take seconds: no connection or lock is held while they run.
    transaction: 'handler',
    params: ZTenantDomainParams,
    response: { status: 200, schema: ZTenantDomain },
    handler: ({ db, transaction, principal, params, deps, audit }) => checkTenantDomain({
      db,
      transaction,
      principal,
      slug: params.slug,
      name: params.domain,
      config: deps.config,
      audit,
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/tenants/:slug/domains/:domain',
    operationId: 'removeTenantDomain',
    summary: 'Remove a domain (refused while members have mailboxes on it)',
    tag: 'Domains',
    auth: true,
    access: { scope: 'tenant', capability: 'domain:write' },
    params: ZTenantDomainParams,
    response: { status: 204 },
    handler: ({ db, principal, params, audit }) => removeTenantDomain({
      db,
      principal,
      slug: params.slug,
      name: params.domain,
      audit,
    }),
  }),
]
