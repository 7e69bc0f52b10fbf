import type { TPage, TTenant } from '@dezky/contracts'
import type { FindTenantsOptions } from '../tenants/find-tenants'
import { findTenants } from '../tenants/find-tenants'
import { getPartner } from './get-partner'

/** A partner's customers: 404 for a partner outside the caller's scope, then the tenants they may see. */
export async function findPartnerTenants(options: Omit<FindTenantsOptions, 'partner'> & { slug: string }): Promise<TPage<TTenant>> {
  const partner = await getPartner({ db: options.db, principal: options.principal, slug: options.slug })
  return findTenants({ ...options, partner: partner.slug })
}
