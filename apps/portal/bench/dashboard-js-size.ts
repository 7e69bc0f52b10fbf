import type { PortalBenchEnv } from './portal-bench-env'
import { gzipSync } from 'node:zlib'
import { compare } from '@dezky/bench-kit'
import { BENCH_TENANT } from './start-bench-stack'

const TAG = /<(?:script|link)\s[^>]*>/g
const SOURCE = /\s(?:src|href)="([^"]+)"/

/** Every script and modulepreload a page's HTML references: what the browser fetches to run it. */
function scriptUrls(html: string, base: string): string[] {
  const found = [
    ...html.matchAll(TAG),
  ]
    .map(([tag]) => tag)
    .filter(tag => tag.startsWith('<script') || tag.includes('rel="modulepreload"'))
    .map(tag => SOURCE.exec(tag)?.[1])
    .filter(source => source !== undefined)
  return [
    ...new Set(found.map(source => new URL(source.replaceAll('&amp;', '&'), base).href)),
  ]
}

/** Gzipped bytes (zlib level 9) of the JS a page ships, summed over the chunks its HTML references. */
async function gzippedJs(pageUrl: string, headers: Record<string, string>): Promise<number> {
  const page = await fetch(pageUrl, { headers })
  if (!page.ok)
    throw new Error(`${pageUrl} answered ${page.status}`)
  const urls = scriptUrls(await page.text(), pageUrl)
  if (!urls.length)
    throw new Error(`${pageUrl} references no script`)
  let total = 0
  for (const url of urls) {
    const chunk = await fetch(url)
    if (!chunk.ok)
      throw new Error(`${url} answered ${chunk.status}`)
    total += gzipSync(Buffer.from(await chunk.arrayBuffer()), { level: 9 }).byteLength
  }
  return total
}

/** (c) The gzipped JS the dashboard ships, reported next to what the stock Nuxt page ships. */
export async function benchDashboardJsSize({ stack, stock }: PortalBenchEnv) {
  const toKiB = (bytes: number) => bytes / 1024
  return compare({
    name: 'gzip JS shipped for the dashboard',
    unit: 'KiB',
    labels: { baseline: 'stock Nuxt page', candidate: 'dashboard' },
    rounds: {
      baseline: [
        toKiB(await gzippedJs(`${stock.url}/`, {})),
      ],
      candidate: [
        toKiB(await gzippedJs(`${stack.appUrl}/t/${BENCH_TENANT.slug}`, { cookie: stack.cookie })),
      ],
    },
  })
}
