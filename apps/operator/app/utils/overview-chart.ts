/** One day of the overview's creation series: a UTC calendar date (`YYYY-MM-DD`) and its count. */
export interface DailyCount {
  date: string
  count: number
}

/** A bar of the chart, in the SVG's own units (origin top-left, y grows downwards). */
export interface ChartBar extends DailyCount {
  x: number
  y: number
  width: number
  height: number
}

const DAY_MS = 86_400_000

/**
 * The `days` UTC dates ending on `end`, oldest first, each with its count from `points` and 0 for a day
 * the series lacks. The API already fills the gaps; this keeps the chart's width and its "today" bar
 * right even for a shorter or sparse answer.
 *
 * @example
 * fillDailySeries([{ date: '2026-11-22', count: 3 }], '2026-11-22', 3)
 * // [{ date: '2026-11-20', count: 0 }, { date: '2026-11-21', count: 0 }, { date: '2026-11-22', count: 3 }]
 */
export function fillDailySeries(points: readonly DailyCount[], end: string, days: number): DailyCount[] {
  const counts = new Map(points.map(point => [point.date, point.count]))
  const last = Date.parse(`${end}T00:00:00Z`)
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(last - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10)
    return { date, count: counts.get(date) ?? 0 }
  })
}

/**
 * The top of the y axis: the smallest 1, 2 or 5 × 10ⁿ at or above `max`, so the axis label is a round
 * number and the tallest bar nearly fills the plot; 1 for an empty series (no division by zero).
 *
 * @example
 * niceCeiling(7) // 10
 * niceCeiling(12) // 20
 */
export function niceCeiling(max: number): number {
  if (max <= 1)
    return 1
  const magnitude = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 5, 10].find(factor => factor * magnitude >= max)!
  return step * magnitude
}

export interface ChartLayout {
  /** The plot's height; bars grow up from its bottom edge. */
  height: number
  barWidth: number
  gap: number
  /** A day with any creation gets at least this height, so a 1 beside a 500 still shows. */
  minBarHeight?: number
}

/** The bars of `series` scaled to `ceiling` (see `niceCeiling`), left to right in series order. */
export function layoutBars(series: readonly DailyCount[], ceiling: number, layout: ChartLayout): ChartBar[] {
  const { height, barWidth, gap, minBarHeight = 2 } = layout
  return series.map((point, index) => {
    const scaled = (point.count / ceiling) * height
    const barHeight = point.count > 0
      ? Math.min(height, Math.max(minBarHeight, scaled))
      : 0
    return {
      ...point,
      x: index * (barWidth + gap),
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    }
  })
}
