import type { IdpClient } from '../idp/clients'
import type { UserAgent } from './user-agent'
import { createHash, randomBytes } from 'node:crypto'

export interface TokenResult {
  status: number
  body: Record<string, string>
}

/** The action of the first form in `html`, resolved against `base`. */
export function formAction(html: string, base: string): string {
  const action = /<form[^>]+action="([^"]+)"/.exec(html)?.[1]
  if (!action)
    throw new Error(`no form in ${html}`)
  return new URL(action.replaceAll('&amp;', '&'), base).href
}

/**
 * A relying party as tests need one: builds PKCE authorization requests, signs in through the login
 * form and calls the token endpoint, speaking plain HTTP so nothing hides what the IdP answers.
 */
export function oidcTestClient(issuer: string, client: IdpClient, scope = 'openid profile email groups') {
  const redirectUri = client.redirectUris[0]!
  const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`

  /** Starts an authorization request; resolves at the page the IdP shows, or at the callback URL. */
  async function authorize(agent: UserAgent) {
    const verifier = randomBytes(32).toString('base64url')
    const state = randomBytes(8).toString('hex')
    const url = new URL('/auth', issuer)
    url.search = new URLSearchParams({
      client_id: client.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state,
      nonce: randomBytes(8).toString('hex'),
    }).toString()
    return {
      verifier,
      state,
      ...await agent.follow(url.href, redirectUri),
    }
  }

  /** Authorizes, posts the login form and returns the code from the callback (throws when there is none). */
  async function signIn(agent: UserAgent, login: string, password: string) {
    const { verifier, state, response } = await authorize(agent)
    const submitted = await agent.submit(formAction(await response.text(), issuer), { login, password })
    const { url } = await agent.follow(submitted, redirectUri)
    const params = new URL(url).searchParams
    const code = params.get('code')
    if (!code || params.get('state') !== state)
      throw new Error(`sign-in of ${login} did not reach the callback with a code: ${url}`)
    return { code, verifier }
  }

  /** POSTs to the token endpoint, authenticating with Basic unless `auth` is 'post'. */
  async function token(fields: Record<string, string>, auth: 'basic' | 'post' = 'basic'): Promise<TokenResult> {
    const body = new URLSearchParams(fields)
    if (auth === 'post') {
      body.set('client_id', client.clientId)
      body.set('client_secret', client.clientSecret)
    }
    const response = await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(auth === 'basic'
          ? { authorization: basic }
          : {}),
      },
      body,
    })
    return { status: response.status, body: await response.json() as Record<string, string> }
  }

  const exchange = (code: string, verifier: string) =>
    token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    })

  return {
    redirectUri,
    authorize,
    signIn,
    token,
    exchange,
  }
}
