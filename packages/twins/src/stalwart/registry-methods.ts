import type { RegistryKind } from './registry-kinds'
import type { StalwartStore } from './store'
import type { JsonObject, StoredObject } from './types'
import { MethodError } from './errors'
import { isObject } from './types'

/** What a `/set` needs from the request around it. */
export interface SetContext {
  /** Creation ids of this request (`#clientId` references) → server ids. */
  createdIds: Map<string, string>
  countWrite: (kind: string) => void
  /** Runs after an object was written, e.g. to schedule DKIM key generation. */
  afterWrite: (kind: RegistryKind, before: StoredObject | undefined, after: StoredObject) => void
}

export const MAX_OBJECTS = 500

export function idList(value: unknown, name: string): string[] | null {
  if (value === undefined || value === null)
    return null
  if (!Array.isArray(value) || value.some(id => typeof id !== 'string'))
    throw new MethodError('invalidArguments', `"${name}" must be an array of ids`)
  if (value.length > MAX_OBJECTS)
    throw new MethodError('requestTooLarge')
  return value as string[]
}

export function registryGet(store: StalwartStore, kind: RegistryKind, args: JsonObject): JsonObject {
  const ids = idList(args.ids, 'ids')
  const properties = args.properties === undefined || args.properties === null
    ? null
    : idList(args.properties, 'properties')
  const objects = ids
    ? ids.map(id => store.get(kind.type, id))
    : store.list(kind.type).slice(0, MAX_OBJECTS)
  const list = objects.filter(Boolean).map((object) => {
    const rendered = kind.render(object!)
    return properties
      ? Object.fromEntries(Object.entries(rendered).filter(([key]) => key === 'id' || properties.includes(key)))
      : rendered
  })
  const notFoundIds = ids
    ? ids.filter((_, index) => !objects[index])
    : []
  return {
    accountId: args.accountId,
    state: store.state(kind.type),
    list,
    notFound: notFoundIds,
  }
}

function conditions(filter: unknown): JsonObject[] {
  if (filter === undefined || filter === null)
    return []
  if (!isObject(filter))
    throw new MethodError('invalidArguments', '"filter" must be an object')
  if ('operator' in filter) {
    // crates/jmap/src/registry/query.rs: "Only AND is supported in filters".
    if (filter.operator !== 'AND' || !Array.isArray(filter.conditions))
      throw new MethodError('unsupportedFilter', 'Only AND is supported in filters')
    return filter.conditions.flatMap(conditions)
  }
  return [filter]
}

export function registryQuery(store: StalwartStore, kind: RegistryKind, args: JsonObject): JsonObject {
  const tests = conditions(args.filter).flatMap(condition => Object.entries(condition).map(([property, value]) => {
    const test = kind.filters[property]
    if (!test)
      throw new MethodError('unsupportedFilter', `Filter on property ${property} is not supported or invalid`)
    return (object: StoredObject) => test(object, value)
  }))
  const sort = Array.isArray(args.sort)
    ? args.sort as JsonObject[]
    : []
  const matches = store.list(kind.type).filter(object => tests.every(test => test(object)))
  for (const comparator of sort.reverse()) {
    const property = comparator.property as string
    if (property !== 'id' && property !== 'name')
      throw new MethodError('unsupportedSort', `Property ${property} is not supported for sorting`)
    const direction = comparator.isAscending === false
      ? -1
      : 1
    matches.sort((a, b) => String(a[property]).localeCompare(String(b[property])) * direction)
  }
  const position = typeof args.position === 'number'
    ? args.position
    : 0
  const limit = typeof args.limit === 'number'
    ? args.limit
    : 1000
  return {
    accountId: args.accountId,
    queryState: store.state(kind.type),
    canCalculateChanges: false,
    position,
    ids: matches.slice(position, position + limit).map(object => object.id),
    ...(args.calculateTotal === true
      ? { total: matches.length }
      : {}),
  }
}
