import type { ZCreatePartner, ZCreateTenant } from '@dezky/contracts'
import type { Idp } from '@dezky/twins'
import type { z } from 'zod'
import { demoUserInGroup } from '../demo-users'

/** A POST /partners body, defaults left out. */
export type SeedPartner = z.input<typeof ZCreatePartner>
/** A POST /tenants body, defaults left out. */
export type SeedTenant = z.input<typeof ZCreateTenant>

export interface Seed {
  partners?: readonly SeedPartner[]
  /** Created after the partners, so `partnerSlug` may name one of them. */
  tenants?: readonly SeedTenant[]
}

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201)
    throw new Error(`seeding POST ${url} answered ${response.status}: ${await response.text()}`)
}

/** Creates the rows through the API's own routes, with a super admin's token (which carries MFA in `amr`). */
export async function seedThroughApi(idp: Idp, apiUrl: string, seed: Seed) {
  const token = await idp.issueAccessToken({ sub: demoUserInGroup('operator:super_admin').subject })
  for (const partner of seed.partners ?? [])
    await post(`${apiUrl}/partners`, token, partner)
  for (const tenant of seed.tenants ?? [])
    await post(`${apiUrl}/tenants`, token, tenant)
}
