import type { AppServer } from '@dezky/e2e-support'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAppServer } from '@dezky/e2e-support'
import { freePort } from '@dezky/twins'

const STOCK_DIR = fileURLToPath(new URL('./stock-nuxt', import.meta.url))

export interface StockNuxt {
  url: string
  stop: () => Promise<void>
}

async function build() {
  const child = spawn('pnpm', ['exec', 'nuxt', 'build', STOCK_DIR], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const [code] = await once(child, 'exit') as [number | null]
  if (code !== 0)
    throw new Error(`nuxt build of the stock app exited with ${code}`)
}

/** Where the stock app's data page reads from, with whose token. */
export interface StockNuxtApi {
  apiUrl: string
  token: string
}

/**
 * Builds the stock Nuxt app (once per run, so it uses this machine's Nuxt) and serves it on a free port,
 * its data page reading from `api`.
 */
export async function startStockNuxt(api: StockNuxtApi): Promise<StockNuxt> {
  await build()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const storageDir = await mkdtemp(join(tmpdir(), 'stock-nuxt-'))
  let server: AppServer
  try {
    server = await startAppServer({
      appDir: STOCK_DIR,
      storageDir,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        NUXT_API_URL: api.apiUrl,
        NUXT_API_TOKEN: api.token,
      },
      readyUrl: `${url}/`,
      label: 'stock-nuxt',
    })
  }
  catch (error) {
    await rm(storageDir, { recursive: true, force: true })
    throw error
  }
  return {
    url,
    async stop() {
      await server.stop()
      await rm(storageDir, { recursive: true, force: true })
    },
  }
}
