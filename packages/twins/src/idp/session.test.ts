import type { IdpClient } from './clients'
import type { Idp } from './start-idp'
import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formAction, oidcTestClient } from '../testing/oidc-test-client'
import { UserAgent } from '../testing/user-agent'
import { defaultClients } from './clients'
import { DEMO_PASSWORD } from './demo-users'
import { startIdp } from './start-idp'

let idp: Idp
let portal: IdpClient
beforeAll(async () => {
  idp = await startIdp()
  portal = defaultClients()[0]!
})
afterAll(() => idp.stop())

/** Opens the end-session URL and does what the auto-submitting page does in a browser. */
async function logout(agent: UserAgent, params: Record<string, string>) {
  const end = new URL('/session/end', idp.issuer)
  end.search = new URLSearchParams(params).toString()
  const html = await (await agent.fetch(end.href)).text()
  expect(html).toContain('document.forms[0].submit()')
  expect(html).toContain('name="logout" value="yes"')
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1]
  return agent.submit(formAction(html, idp.issuer), { xsrf: xsrf!, logout: 'yes' })
}

describe('the IdP session', () => {
  it('survives key rotation, and the next tokens use the new key', async () => {
    const rp = oidcTestClient(idp.issuer, portal)
    const agent = new UserAgent()
    await rp.signIn(agent, 'marcos.ribeiro@globex.test', DEMO_PASSWORD)
    const { kid } = await idp.rotateKeys()

    const again = await rp.authorize(agent)
    const code = new URL(again.url).searchParams.get('code')
    expect(code).toBeTruthy()
    const { body } = await rp.exchange(code!, again.verifier)
    expect(decodeProtectedHeader(body.access_token!).kid).toBe(kid)
    expect(decodeProtectedHeader(body.id_token!).kid).toBe(kid)
  })

  it('ends on logout with id_token_hint: redirect with state, login asked again, refresh token dead', async () => {
    const rp = oidcTestClient(idp.issuer, portal)
    const agent = new UserAgent()
    const { code, verifier } = await rp.signIn(agent, 'paula.martins@nimbus.example', DEMO_PASSWORD)
    const { body } = await rp.exchange(code, verifier)
    expect(new URL((await rp.authorize(agent)).url).searchParams.get('code')).toBeTruthy()

    const done = await logout(agent, { id_token_hint: body.id_token!, post_logout_redirect_uri: 'http://localhost:3000/', state: 'bye' })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('http://localhost:3000/?state=bye')

    const afterLogout = await rp.authorize(agent)
    expect(afterLogout.response.status).toBe(200)
    expect(await afterLogout.response.text()).toContain('name="password"')
    const refresh = await rp.token({ grant_type: 'refresh_token', refresh_token: body.refresh_token! })
    expect(refresh.body.error).toBe('invalid_grant')
  })

  it('ends on logout the way the Nuxt apps ask for it (client_id, /auth/signed-out, offline_access)', async () => {
    const operator = defaultClients()[1]!
    const rp = oidcTestClient(idp.issuer, operator, 'openid profile email offline_access groups')
    const agent = new UserAgent()
    const { code, verifier } = await rp.signIn(agent, 'nina.alves@dezky.dev', DEMO_PASSWORD)
    const { body } = await rp.exchange(code, verifier)
    expect(body.refresh_token).toBeTruthy()

    const done = await logout(agent, { client_id: operator.clientId, post_logout_redirect_uri: 'http://localhost:3001/auth/signed-out' })
    expect(done.headers.get('location')).toBe('http://localhost:3001/auth/signed-out')
    expect((await rp.authorize(agent)).response.status).toBe(200)
  })
})
