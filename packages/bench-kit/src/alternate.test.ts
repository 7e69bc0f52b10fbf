import { describe, expect, it } from 'vitest'
import { alternate } from './alternate'

describe('alternate', () => {
  it('runs every contestant once per round, in the same order each round', async () => {
    const calls: string[] = []
    const contestant = (name: string, figure: number) => async () => {
      calls.push(name)
      return figure + calls.length
    }
    const rounds = await alternate(3, {
      api: contestant('api', 100),
      bff: contestant('bff', 200),
      proxy: contestant('proxy', 300),
    })
    expect(calls).toEqual([
      'api',
      'bff',
      'proxy',
      'api',
      'bff',
      'proxy',
      'api',
      'bff',
      'proxy',
    ])
    expect(rounds).toEqual({
      api: [101, 104, 107],
      bff: [202, 205, 208],
      proxy: [303, 306, 309],
    })
  })

  it('waits for each measurement before starting the next, so two loads never overlap', async () => {
    let running = 0
    let most = 0
    const contestant = async () => {
      most = Math.max(most, ++running)
      await new Promise(resolve => setTimeout(resolve, 5))
      running--
      return 1
    }
    await alternate(2, { a: contestant, b: contestant })
    expect(most).toBe(1)
  })
})
