import type { FieldErrors } from './api-errors'

/** Authentik's REST_FRAMEWORK PAGE_SIZE. */
const DEFAULT_PAGE_SIZE = 100

export class InvalidPage extends Error {}

/** django-filter's BooleanFilter: unreadable values mean "no filter". */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name)?.toLowerCase()
  if (value === 'true' || value === '1')
    return true
  if (value === 'false' || value === '0')
    return false
  return undefined
}

/** Authentik's `include_*` flags compare the lower-cased value with "true". */
export function includeFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name)
  return value === null
    ? fallback
    : value.toLowerCase() === 'true'
}

/**
 * A ModelMultipleChoiceFilter (`groups_by_name`, `members_by_username`): every value must name an existing
 * object, else django-filter refuses the whole request with a 400 for that field.
 */
export function choicesParam(query: URLSearchParams, name: string, exists: (value: string) => boolean, errors: FieldErrors): string[] {
  const values = query.getAll(name).filter(Boolean)
  const missing = values.find(value => !exists(value))
  if (missing !== undefined)
    errors[name] = [`Select a valid choice. ${missing} is not one of the available choices.`]
  return values
}

/** DRF OrderingFilter: `field` or `-field`, comma-separated; fields it does not know are ignored. */
export function order<T>(items: T[], ordering: string | null, fields: Record<string, (item: T) => string | number | boolean>, fallback: string): T[] {
  const terms = (ordering ?? fallback).split(',').map(term => term.trim()).filter(term => fields[term.replace(/^-/, '')])
  const sorted = [...items]
  sorted.sort((a, b) => {
    for (const term of terms.length
      ? terms
      : [fallback]) {
      const key = fields[term.replace(/^-/, '')]!
      const [x, y] = [
        key(a),
        key(b),
      ]
      if (x !== y) {
        return (x < y
          ? -1
          : 1) * (term.startsWith('-')
          ? -1
          : 1)
      }
    }
    return 0
  })
  return sorted
}

/** DRF SearchFilter: each whitespace- or comma-separated term must occur (case-insensitively) in some field. */
export function search<T>(items: T[], term: string | null, fields: ((item: T) => string)[]): T[] {
  const terms = (term ?? '').split(/[\s,]+/).map(t => t.toLowerCase()).filter(Boolean)
  return items.filter(item => terms.every(t => fields.some(field => field(item).toLowerCase().includes(t))))
}

/** Authentik's Pagination: page numbers, and `next`/`previous` as numbers (0 when there is none). */
export function paginate<T>(items: T[], query: URLSearchParams) {
  const size = Number(query.get('page_size') ?? DEFAULT_PAGE_SIZE)
  const pageSize = Number.isInteger(size) && size > 0
    ? size
    : DEFAULT_PAGE_SIZE
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize))
  const pageText = query.get('page') ?? '1'
  const current = pageText === 'last'
    ? totalPages
    : Number(pageText)
  if (!Number.isInteger(current) || current < 1 || current > totalPages)
    throw new InvalidPage('Invalid page.')
  const start = (current - 1) * pageSize
  const results = items.slice(start, start + pageSize)
  return {
    pagination: {
      next: current < totalPages
        ? current + 1
        : 0,
      previous: current > 1
        ? current - 1
        : 0,
      count: items.length,
      current,
      total_pages: totalPages,
      start_index: results.length
        ? start + 1
        : 0,
      end_index: start + results.length,
    },
    results,
    autocomplete: {},
  }
}
