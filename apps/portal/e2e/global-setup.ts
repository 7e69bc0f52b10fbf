import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPlatformApi } from '@dezky/platform-api'
import { startIdp } from '@dezky/twins'
import { OPERATOR, SEED_PARTNER, SEED_TENANT } from './support/demo'
import { API_PORT, EMBEDDED_POSTGRES_PORT, IDP_ISSUER, IDP_PORT, PORTAL_CLIENT } from './support/stack'

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201)
    throw new Error(`seeding POST ${url} answered ${response.status}: ${await response.text()}`)
}

/**
 * The stack the portal talks to, in this process: the IdP twin and the platform API on a throwaway
 * embedded Postgres, seeded through the API itself with a partner and a tenant of the demo owner.
 */
export default async function globalSetup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'dezky-portal-e2e-'))
  const idp = await startIdp({
    port: IDP_PORT,
    issuer: IDP_ISSUER,
    clients: [PORTAL_CLIENT],
  })
  const api = await startPlatformApi({
    PORT: String(API_PORT),
    HOST: '127.0.0.1',
    DEZKY_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(EMBEDDED_POSTGRES_PORT),
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.audience,
    LOG_LEVEL: 'error',
  }).catch(async (error) => {
    await idp.stop()
    throw error
  })

  const operatorToken = await idp.issueAccessToken({ sub: OPERATOR.subject })
  await post(`${api.url}/partners`, operatorToken, SEED_PARTNER)
  await post(`${api.url}/tenants`, operatorToken, SEED_TENANT)

  return async () => {
    await api.stop()
    await idp.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
