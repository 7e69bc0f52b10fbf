import type { Idp } from '../idp/start-idp'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../idp/demo-users'
import { startIdp } from '../idp/start-idp'
import { oidcTestClient } from '../testing/oidc-test-client'
import { requestJson } from '../testing/request-json'
import { UserAgent } from '../testing/user-agent'

const client = {
  clientId: 'test-app',
  clientSecret: 'test-app-secret',
  redirectUris: ['http://localhost:3999/auth/oidc/callback'],
}

let idp: Idp
beforeAll(async () => {
  idp = await startIdp({
    clients: [client],
  })
})
afterAll(() => idp.stop())

async function api(method: string, path: string, body?: unknown) {
  return (await requestJson(`${idp.authentik.url}${path}`, method, body, { authorization: `Bearer ${idp.authentik.apiToken}` })).body
}

async function groupsClaim(token: string): Promise<unknown> {
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: idp.audience })
  return payload.groups
}

async function signIn(login: string, password: string) {
  const rp = oidcTestClient(idp.issuer, client)
  const { code, verifier } = await rp.signIn(new UserAgent(), login, password)
  return rp.exchange(code, verifier)
}

describe('the directory behind the tokens', () => {
  it('puts memberships made through the API into the groups claim of new tokens', async () => {
    const lucas = idp.authentik.users().find(user => user.username === 'lucas.pereira@acme.test')!
    const admins = idp.authentik.groups().find(group => group.name === 'tenant:acme:admin')!
    await api('POST', `/core/groups/${admins.uuid}/add_user/`, { pk: lucas.pk })
    expect(await groupsClaim(await idp.issueAccessToken({ sub: lucas.subject }))).toEqual(['tenant:acme:admin', 'tenant:acme:member'])
    const login = await signIn('lucas.pereira@acme.test', DEMO_PASSWORD)
    expect(await groupsClaim(login.body.access_token!)).toEqual(['tenant:acme:admin', 'tenant:acme:member'])
    await api('POST', `/core/groups/${admins.uuid}/remove_user/`, { pk: lucas.pk })
    expect(await groupsClaim(await idp.issueAccessToken({ sub: lucas.subject }))).toEqual(['tenant:acme:member'])
    expect(await groupsClaim(await idp.issueAccessToken({
      sub: lucas.subject,
      groups: ['operator:noc'],
    }))).toEqual(['operator:noc'])
  })

  it('lets a user created through the API sign in once a password is set; its sub is its uuid', async () => {
    const group = idp.authentik.groups().find(g => g.name === 'tenant:globex:member')!
    const user = await api('POST', '/core/users/', {
      username: 'nova@globex.test',
      name: 'Nova',
      email: 'nova@globex.test',
      groups: [group.uuid],
    })
    await expect(signIn('nova@globex.test', 'pw-nova-1')).rejects.toThrow()
    await api('POST', `/core/users/${user.pk}/set_password/`, { password: 'pw-nova-1' })
    const login = await signIn('nova@globex.test', 'pw-nova-1')
    const { payload } = await jwtVerify(login.body.access_token!, createRemoteJWKSet(new URL(idp.jwksUri)))
    expect(payload).toMatchObject({
      sub: user.uuid,
      groups: ['tenant:globex:member'],
      email: 'nova@globex.test',
    })
  })

  it('refuses sign-in to a deactivated user', async () => {
    const julia = idp.authentik.users().find(u => u.username === 'julia.barbosa@globex.test')!
    await api('PATCH', `/core/users/${julia.pk}/`, { is_active: false })
    await expect(signIn('julia.barbosa@globex.test', DEMO_PASSWORD)).rejects.toThrow()
    await api('PATCH', `/core/users/${julia.pk}/`, { is_active: true })
    expect((await signIn('julia.barbosa@globex.test', DEMO_PASSWORD)).status).toBe(200)
  })

  it('serves the recovery link: it sets a new password once', async () => {
    const fernanda = idp.authentik.users().find(u => u.username === 'fernanda.lopes@acme.test')!
    const { link } = await api('POST', `/core/users/${fernanda.pk}/recovery/`, {})
    expect((await fetch(link)).status).toBe(200)
    const set = await fetch(link, {
      method: 'POST',
      body: new URLSearchParams({ password: 'brand-new-1' }),
    })
    expect(set.status).toBe(200)
    expect((await signIn('fernanda.lopes@acme.test', 'brand-new-1')).status).toBe(200)
    expect((await fetch(link)).status).toBe(404)
  })
})
