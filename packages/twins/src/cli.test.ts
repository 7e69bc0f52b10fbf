import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))

/** Starts the CLI and resolves once its output matches `ready`, with the output so far. */
async function startCli(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: {
      ...process.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      if (ready.test(output))
        resolve()
    })
    child.once('exit', code => reject(new Error(`cli exited with ${code}: ${output}`)))
  })
  // The lines printed after the match arrive in the same write; wait for the stream to go quiet anyway.
  await new Promise(resolve => setTimeout(resolve, 100))
  const setting = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(output)?.[1]
  return {
    child,
    output: () => output,
    setting,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const exited = once(child, 'exit')
      child.kill(signal)
      return exited
    },
  }
}

describe('the twins CLI', () => {
  it('prints its issuer, serves discovery and the Authentik API with --api-token, and exits cleanly on SIGTERM', async () => {
    const idp = await startCli(['idp', '--api-token', 'cli-test-token'], /AUTHENTIK_TOKEN=.+\n/, { IDP_PORT: '0', IDP_AUDIENCE: 'cli-test-api' })
    const issuer = /issuer (http:\/\/localhost:\d+)/.exec(idp.output())![1]!
    expect(idp.output()).toContain('audience cli-test-api')
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()
    expect(discovery.issuer).toBe(issuer)
    expect(idp.setting('AUTHENTIK_TOKEN')).toBe('cli-test-token')
    const users = await fetch(`${idp.setting('AUTHENTIK_URL')}/api/v3/core/users/`, {
      headers: { authorization: 'Bearer cli-test-token' },
    })
    expect(users.status).toBe(200)
    expect(await idp.stop()).toEqual([0, null])
  }, 30_000)

  it.each([
    [
      'stalwart',
      /STALWART_API_KEY=/,
      async (setting: (name: string) => string | undefined) =>
        fetch(`${setting('STALWART_URL')}/jmap/session`, {
          headers: { authorization: `Bearer ${setting('STALWART_API_KEY')}` },
        }),
    ],
    [
      'ocis',
      /OCIS_TOKEN=/,
      async (setting: (name: string) => string | undefined) =>
        fetch(`${setting('OCIS_URL')}/graph/v1.0/drives`, {
          headers: { authorization: `Bearer ${setting('OCIS_TOKEN')}` },
        }),
    ],
    [
      'smtp',
      /SMTP_URL=/,
      async (_setting: unknown, output: string) =>
        fetch(`${/messages at (http:\S+)/.exec(output)![1]}messages`),
    ],
  ] as const)('%s starts on --port 0, answers its API and stops on Ctrl-C', async (name, ready, probe) => {
    const args = [
      name,
      '--port',
      '0',
      ...(name === 'smtp'
        ? ['--http-port', '0']
        : []),
    ]
    const twin = await startCli(args, ready)
    expect((await probe(twin.setting, twin.output())).status).toBe(200)
    expect(await fetch(`${/(http:\/\/[\d.]+:\d+)/.exec(twin.output())![1]}/__twin/writes`).then(r => r.status)).toBe(200)
    expect(await twin.stop('SIGINT')).toEqual([0, null])
  }, 30_000)

  it('all starts every twin and prints the platform API\'s settings for them', async () => {
    const twins = await startCli([
      'all',
      '--port',
      '0',
      '--stalwart-port',
      '0',
      '--ocis-port',
      '0',
      '--smtp-port',
      '0',
      '--smtp-http-port',
      '0',
    ], /SMTP_URL=.+\n/)
    for (const name of [
      'OIDC_ISSUER',
      'OIDC_AUDIENCE',
      'AUTHENTIK_URL',
      'AUTHENTIK_TOKEN',
      'STALWART_URL',
      'STALWART_API_KEY',
      'OCIS_URL',
      'OCIS_TOKEN',
      'SMTP_URL',
    ])
      expect(twins.setting(name), name).toBeTruthy()
    const session = await fetch(`${twins.setting('STALWART_URL')}/jmap/session`, {
      headers: { authorization: `Bearer ${twins.setting('STALWART_API_KEY')}` },
    })
    expect(session.status).toBe(200)
    const groups = await fetch(`${twins.setting('AUTHENTIK_URL')}/api/v3/core/groups/`, {
      headers: { authorization: `Bearer ${twins.setting('AUTHENTIK_TOKEN')}` },
    })
    expect(groups.status).toBe(200)
    expect(await twins.stop('SIGINT')).toEqual([0, null])
  }, 30_000)

  it('answers an unknown twin with the usage and exit code 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'nope'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => output += chunk)
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(output).toMatch(/Usage: .* <twin>/)
    expect(output).toContain('stalwart')
  }, 30_000)
})
