import { z } from 'zod'

/** Postgres and JavaScript agree on four-digit years only; outside them one side refuses or reinterprets the value. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')

/**
 * An RFC 3339 date-time with an offset whose instant falls in years 0001–9999 UTC. Any datetime the API
 * stores or compares goes through this, so `0000-01-01T00:00:00Z` or a `-23:59` offset that pushes
 * 9999-12-31 into year 10000 is a 400 at the boundary rather than a database error.
 *
 * @example
 * ZDateTime.parse('2025-03-01T12:00:00-03:00')
 */
export const ZDateTime = z.iso.datetime({ offset: true, abort: true }).refine((value) => {
  const instant = Date.parse(value)
  return instant >= EARLIEST && instant <= LATEST
}, {
  message: 'a date-time between 0001-01-01 and 9999-12-31 UTC',
  // zod 4 runs later refinements after a failed check unless told not to: a refinement chained after this
  // one may then assume an instant `new Date` can represent (`toISOString` throws on anything else).
  abort: true,
})
