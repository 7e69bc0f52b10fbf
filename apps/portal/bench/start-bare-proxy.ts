import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface BareProxy {
  url: string
  stop: () => Promise<void>
}

const ENTRY = fileURLToPath(new URL('./bare-proxy.ts', import.meta.url))

/** Starts bare-proxy.ts in front of the API, holding `token`; resolves once it listens (it prints its port). */
export async function startBareProxy(apiUrl: string, token: string): Promise<BareProxy> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, API_URL: apiUrl, API_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  const lines = createInterface({ input: child.stdout })
  const [port] = await Promise.race([
    once(lines, 'line') as Promise<[string]>,
    exited.then(([code]) => {
      throw new Error(`the bare proxy exited with ${code} before listening`)
    }),
  ])
  lines.close()
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
