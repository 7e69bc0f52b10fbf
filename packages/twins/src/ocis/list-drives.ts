import type { OcisRequest } from './ocis-request'
import type { OcisSpace } from './ocis-store'
import { sendOcisError } from './ocis-errors'
import { driveIdOf } from './ocis-store'
import { ODataFilterError, parseODataFilter } from './parse-odata-filter'

/**
 * The spaces `GET /drives` answers with, or undefined after sending the error. As in OCIS's
 * generateCs3Filters: a `$filter` that does not parse is a 400 `invalidRequest`; a root operator other
 * than `eq` is a 501 `notSupported`; `eq` filters on `driveType` or `id` and is ignored on any other
 * property. `$orderby` takes `name` or `lastModifiedDateTime` (asc/desc), anything else is a 400.
 */
export function listedSpaces(request: OcisRequest): OcisSpace[] | undefined {
  const url = new URL(request.req.url ?? '/', 'http://twin.invalid')
  let spaces = [
    ...request.store.spaces.values(),
  ]
  const filter = url.searchParams.get('$filter')
  if (filter !== null) {
    let root
    try {
      root = parseODataFilter(filter)
    }
    catch (error) {
      if (error instanceof ODataFilterError) {
        sendOcisError(request.res, 400, 'invalidRequest', error.message)
        return undefined
      }
      throw error
    }
    if (root.operator !== 'eq') {
      sendOcisError(request.res, 501, 'notSupported', `unsupported filter operand: ${root.operator}`)
      return undefined
    }
    // The twin holds project spaces only: personal and virtual spaces are out of its scope.
    if (root.property === 'driveType')
      spaces = spaces.filter(() => root.value === 'project')
    else if (root.property === 'id')
      spaces = spaces.filter(space => driveIdOf(space) === root.value || space.spaceId === root.value)
  }
  const orderBy = url.searchParams.get('$orderby')
  if (orderBy !== null) {
    const [field, direction = 'asc'] = orderBy.trim().split(/\s+/)
    const key = field === 'name'
      ? (space: OcisSpace) => space.name.toLowerCase()
      : field === 'lastModifiedDateTime'
        ? (space: OcisSpace) => space.lastModified
        : undefined
    if (!key || !['asc', 'desc'].includes(direction)) {
      sendOcisError(request.res, 400, 'invalidRequest', `we do not support <${field}> as a order parameter`)
      return undefined
    }
    spaces.sort((a, b) => key(a) < key(b)
      ? -1
      : key(a) > key(b)
        ? 1
        : 0)
    if (direction === 'desc')
      spaces.reverse()
  }
  return spaces
}
