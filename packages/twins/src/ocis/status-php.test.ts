import type { OcisTwin } from './start-ocis-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOcisTwin } from './start-ocis-twin'

let ocis: OcisTwin

beforeAll(async () => {
  ocis = await startOcisTwin()
})
afterAll(() => ocis.stop())

describe('ocis twin: status.php', () => {
  it('answers without authentication: installed, not in maintenance', async () => {
    const response = await fetch(`${ocis.url}/status.php`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ installed: true, maintenance: false, productname: 'Infinite Scale' })
    // Everything else still needs credentials.
    expect((await fetch(`${ocis.url}/graph/v1.0/drives`)).status).toBe(401)
  })

  it('hangs through the kit\'s faults until the client gives up', async () => {
    ocis.setFaults({
      hangRate: 1,
      paths: ['/status.php'],
    })
    try {
      await expect(fetch(`${ocis.url}/status.php`, {
        signal: AbortSignal.timeout(300),
      })).rejects.toThrow()
    }
    finally {
      ocis.clearFaults()
    }
    expect((await fetch(`${ocis.url}/status.php`)).status).toBe(200)
  })
})
