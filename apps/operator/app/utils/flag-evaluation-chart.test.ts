import { describe, expect, it } from 'vitest'
import { fillHourlySeries, layoutStackedBars } from './flag-evaluation-chart'

describe('fillHourlySeries', () => {
  it('gives every hour up to the one holding `to`, oldest first, with zeros for the hours left out', () => {
    expect(fillHourlySeries([
      { hour: '2026-11-22T09:00:00.000Z', enabled: 3, disabled: 1 },
    ], '2026-11-22T11:20:00Z', 3)).toEqual([
      { hour: '2026-11-22T09:00:00.000Z', enabled: 3, disabled: 1 },
      { hour: '2026-11-22T10:00:00.000Z', enabled: 0, disabled: 0 },
      { hour: '2026-11-22T11:00:00.000Z', enabled: 0, disabled: 0 },
    ])
  })

  it('leaves out points older than the window', () => {
    expect(fillHourlySeries([
      { hour: '2026-11-21T00:00:00.000Z', enabled: 9, disabled: 9 },
    ], '2026-11-22T11:00:00Z', 1))
      .toEqual([
        { hour: '2026-11-22T11:00:00.000Z', enabled: 0, disabled: 0 },
      ])
  })
})

describe('layoutStackedBars', () => {
  it('stacks off on top of on, scaled to the ceiling, left to right', () => {
    const [first, second] = layoutStackedBars([
      { hour: 'a', enabled: 5, disabled: 5 },
      { hour: 'b', enabled: 0, disabled: 2 },
    ], 10, { height: 100, barWidth: 8, gap: 2 })
    expect(first).toMatchObject({
      x: 0,
      onY: 50,
      onHeight: 50,
      offY: 0,
      offHeight: 50,
    })
    expect(second).toMatchObject({
      x: 10,
      onY: 100,
      onHeight: 0,
      offY: 80,
      offHeight: 20,
    })
  })
})
