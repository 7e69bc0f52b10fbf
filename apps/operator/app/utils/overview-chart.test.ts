import { describe, expect, it } from 'vitest'
import { fillDailySeries, layoutBars, niceCeiling } from './overview-chart'

describe('fillDailySeries', () => {
  it('gives every day up to the end, oldest first, with 0 for the days the series lacks', () => {
    expect(fillDailySeries([
      { date: '2026-11-20', count: 2 },
      { date: '2026-11-22', count: 5 },
    ], '2026-11-22', 4)).toEqual([
      { date: '2026-11-19', count: 0 },
      { date: '2026-11-20', count: 2 },
      { date: '2026-11-21', count: 0 },
      { date: '2026-11-22', count: 5 },
    ])
  })

  it('crosses month and year ends in UTC and drops days outside the window', () => {
    const series = fillDailySeries([
      { date: '2026-12-30', count: 9 },
      { date: '2027-01-01', count: 1 },
    ], '2027-01-02', 3)
    expect(series.map(point => point.date)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'])
    expect(series.map(point => point.count)).toEqual([0, 1, 0])
  })

  it('keeps 30 days across a daylight-saving change, whatever the machine\'s zone', () => {
    const series = fillDailySeries([], '2026-11-05', 30)
    expect(series).toHaveLength(30)
    expect(series[0]!.date).toBe('2026-10-07')
    expect(new Set(series.map(point => point.date)).size).toBe(30)
  })
})

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [5, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [45, 50],
    [51, 100],
    [1_234, 2_000],
  ])('%i → %i', (max, ceiling) => {
    expect(niceCeiling(max)).toBe(ceiling)
  })
})

describe('layoutBars', () => {
  const layout = { height: 100, barWidth: 8, gap: 2 }

  it('scales counts to the ceiling, bars standing on the bottom edge', () => {
    const bars = layoutBars([
      { date: '2026-11-21', count: 5 },
      { date: '2026-11-22', count: 10 },
    ], 10, layout)
    expect(bars).toEqual([
      {
        date: '2026-11-21',
        count: 5,
        x: 0,
        y: 50,
        width: 8,
        height: 50,
      },
      {
        date: '2026-11-22',
        count: 10,
        x: 10,
        y: 0,
        width: 8,
        height: 100,
      },
    ])
  })

  it('draws nothing for an empty day and a visible sliver for a small one', () => {
    const [empty, small] = layoutBars([
      { date: '2026-11-21', count: 0 },
      { date: '2026-11-22', count: 1 },
    ], 1_000, layout)
    expect(empty).toMatchObject({ height: 0, y: 100 })
    expect(small).toMatchObject({ height: 2, y: 98 })
  })
})
