import type { Idp } from '@dezky/twins'
import type { DesiredMember, DesiredTenant } from '../../src/provisioning/step'
import { parseGroups } from '@dezky/contracts'
import { startIdp } from '@dezky/twins'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { createIdentityStep } from '../../src/provisioning/identity/create-identity-step'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

let idp: Idp
let step: ReturnType<typeof createIdentityStep>
beforeAll(async () => {
  idp = await startIdp()
  step = createIdentityStep(createAuthentikDriver({ baseUrl: idp.authentik.url, apiToken: idp.authentik.apiToken, timeoutMs: 2000 }))
})
afterAll(() => idp.stop())

const { ctx } = recordingContext()

function desired(members: DesiredMember[]): DesiredTenant {
  return desiredTenant({
    id: 'wayne',
    slug: 'wayne',
    name: 'Wayne',
    plan: 'business',
    domains: ['wayne.example'],
    members,
  })
}

function bruce(role: DesiredMember['role']): DesiredMember {
  return desiredMember('bruce@wayne.example', { userId: 'u-bruce', name: 'Bruce Wayne', role })
}

/** The `groups` claim of a fresh access token and of userinfo for the provisioned user. */
async function groupsOf(username: string): Promise<{ token: unknown, userinfo: unknown }> {
  const user = idp.authentik.users().find(u => u.username === username)!
  const token = await idp.issueAccessToken({ sub: user.subject })
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: idp.audience })
  const { userinfo_endpoint } = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json() as { userinfo_endpoint: string }
  const userinfo = await (await fetch(userinfo_endpoint, {
    headers: { authorization: `Bearer ${token}` },
  })).json() as { groups: unknown }
  return { token: payload.groups, userinfo: userinfo.groups }
}

describe('from the identity step to the token', () => {
  it('a member provisioned as admin gets tenant:<slug>:admin in groups, and loses it on a role change or removal', async () => {
    const tenant = desired([
      bruce('admin'),
    ])
    const first = await step.run(tenant, ctx)
    tenant.observed = first.status === 'ok'
      ? first.observed
      : {}
    expect(await groupsOf('bruce@wayne.example')).toEqual({
      token: ['tenant:wayne:admin'],
      userinfo: ['tenant:wayne:admin'],
    })
    const { token } = await groupsOf('bruce@wayne.example')
    expect(parseGroups(token as string[]).tenants).toEqual([
      { slug: 'wayne', role: 'admin' },
    ])

    tenant.members = [
      bruce('billing'),
    ]
    await step.run(tenant, ctx)
    expect((await groupsOf('bruce@wayne.example')).token).toEqual(['tenant:wayne:billing'])

    tenant.members = []
    await step.run(tenant, ctx)
    expect((await groupsOf('bruce@wayne.example')).token).toEqual([])
  })
})
