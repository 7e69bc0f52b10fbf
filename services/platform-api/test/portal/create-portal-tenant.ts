import type { TestApi } from '../test-api'
import { expect } from 'vitest'

export interface PortalTenant {
  slug: string
  /** User ids by e-mail. */
  members: Record<string, string>
}

/**
 * A tenant made through the API as an operator would (it goes into provisioning), with an owner, an
 * admin and a member on its domain.
 */
export async function createPortalTenant(api: TestApi, operator: string, slug: string, options: { partnerSlug?: string } = {}): Promise<PortalTenant> {
  const domain = `${slug}.test`
  const created = await api.request('POST', '/tenants', {
    token: operator,
    body: {
      slug,
      name: `Tenant ${slug}`,
      plan: 'starter',
      domains: [domain],
      partnerSlug: options.partnerSlug,
    },
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const members: Record<string, string> = {}
  for (const [local, role] of [
    ['owner', 'owner'],
    ['ana', 'admin'],
    ['bia', 'member'],
  ] as const) {
    const email = `${local}@${domain}`
    const added = await api.request('POST', `/tenants/${slug}/members`, {
      token: operator,
      body: { email, name: local, role },
    })
    expect(added.status, await added.clone().text()).toBe(201)
    members[email] = (await added.json()).id
  }
  return { slug, members }
}
