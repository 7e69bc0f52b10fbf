import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))

it('prints its issuer, serves discovery and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'idp'], {
    env: { ...process.env, IDP_PORT: '0', IDP_AUDIENCE: 'cli-test-api' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const issuer = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /issuer (http:\/\/localhost:\d+)/.exec(output)
      if (match)
        resolve(match[1]!)
    })
    child.once('exit', code => reject(new Error(`cli exited with ${code}: ${output}`)))
  })
  expect(output).toContain('audience cli-test-api')
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()
  expect(discovery.issuer).toBe(issuer)

  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  expect(await exited).toEqual([0, null])
}, 30_000)
