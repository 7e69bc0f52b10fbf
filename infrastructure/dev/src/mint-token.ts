import process from 'node:process'
import { DEMO_USERS, startIdp } from '@dezky/twins'
import { demoSuperAdmin } from './seed/demo-admin-token'
import { stackPaths } from './stack/paths'
import { stackPorts } from './stack/ports'

/**
 * `pnpm --filter @dezky/devstack token [email]`: prints an access token for a demo user (the super admin
 * by default), valid for an hour, for curl against the dev stack's API. It signs with the stack's IdP
 * keys (`.data/idp/signing-keys.json`) under the stack's issuer, on a throwaway port, so the running API
 * accepts it without anyone signing in.
 */
async function main(email: string | undefined): Promise<void> {
  const user = email
    ? DEMO_USERS.find(candidate => candidate.email === email.toLowerCase())
    : demoSuperAdmin()
  if (!user)
    throw new Error(`${email} is no demo user (the dev stack prints the list)`)
  const idp = await startIdp({
    port: 0,
    issuer: `http://localhost:${stackPorts().idp}`,
    keystoreFile: stackPaths().idpKeystore,
  })
  try {
    console.log(await idp.issueAccessToken({ sub: user.subject, ttlSeconds: 3600 }))
  }
  finally {
    await idp.stop()
  }
}

main(process.argv[2]).catch((error) => {
  console.error((error as Error).message)
  process.exit(1)
})
