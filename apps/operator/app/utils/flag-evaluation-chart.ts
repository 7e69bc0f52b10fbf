/** One UTC hour of a flag's evaluation counts, as `GET /flags/:key/evaluations` gives them. */
export interface HourlyCounts {
  hour: string
  enabled: number
  disabled: number
}

const HOUR_MS = 3_600_000

/**
 * The `hours` UTC hours ending with the one holding `to`, oldest first, each with its counts from
 * `points` and zeros for an hour the API left out (it omits hours without evaluations).
 *
 * @example
 * fillHourlySeries([{ hour: '2026-11-22T10:00:00.000Z', enabled: 3, disabled: 1 }], '2026-11-22T11:20:00Z', 2)
 * // [{ hour: '2026-11-22T10:00:00.000Z', enabled: 3, disabled: 1 }, { hour: '2026-11-22T11:00:00.000Z', enabled: 0, disabled: 0 }]
 */
export function fillHourlySeries(points: readonly HourlyCounts[], to: string, hours: number): HourlyCounts[] {
  const byHour = new Map(points.map(point => [
    Date.parse(point.hour),
    point,
  ]))
  const last = Math.floor(Date.parse(to) / HOUR_MS) * HOUR_MS
  return Array.from({ length: hours }, (_, index) => {
    const at = last - (hours - 1 - index) * HOUR_MS
    const point = byHour.get(at)
    return {
      hour: new Date(at).toISOString(),
      enabled: point?.enabled ?? 0,
      disabled: point?.disabled ?? 0,
    }
  })
}

/** A stacked bar: `on` grows up from the axis, `off` sits on top of it (SVG units, y grows downwards). */
export interface StackedBar extends HourlyCounts {
  x: number
  onY: number
  onHeight: number
  offY: number
  offHeight: number
}

/** The bars of `series` scaled so `ceiling` (see `niceCeiling`) fills `height`. */
export function layoutStackedBars(series: readonly HourlyCounts[], ceiling: number, layout: { height: number, barWidth: number, gap: number }): StackedBar[] {
  const { height, barWidth, gap } = layout
  const scale = (count: number) => Math.min(height, (count / ceiling) * height)
  return series.map((point, index) => {
    const onHeight = scale(point.enabled)
    const offHeight = Math.min(height - onHeight, scale(point.disabled))
    return {
      ...point,
      x: index * (barWidth + gap),
      onY: height - onHeight,
      onHeight,
      offY: height - onHeight - offHeight,
      offHeight,
    }
  })
}
