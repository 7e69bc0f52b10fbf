import type { SchemaFile, StalwartSchema } from './schema-contract'
import type { JsonObject } from './types'

/** Errors of one JMAP method call on a registry object: its object, the `/set` payloads, the filters. */
export function methodCallErrors(schema: SchemaFile, checks: Pick<StalwartSchema, 'objectErrors' | 'filterFields' | 'propertyNames'>, name: string, args: JsonObject): string[] {
  const [objectName, fn] = name.split('/') as [string, string]
  if (schema.objects[objectName]?.type !== 'object')
    return [`${name}: ${objectName} is not an object of the schema`]
  const errors: string[] = []
  if (fn === 'set') {
    for (const [id, value] of Object.entries((args.create ?? {}) as JsonObject))
      errors.push(...checks.objectErrors(objectName, value, 'create').map(e => `${name} create ${id}${e}`))
    for (const [id, value] of Object.entries((args.update ?? {}) as JsonObject))
      errors.push(...checks.objectErrors(objectName, value, 'update').map(e => `${name} update ${id}${e}`))
  }
  else if (fn === 'query') {
    const allowed = checks.filterFields(objectName)
    for (const key of Object.keys((args.filter ?? {}) as JsonObject)) {
      if (!allowed.includes(key))
        errors.push(`${name}: filter ${key} is not one of ${allowed.join(', ')}`)
    }
  }
  else if (fn === 'get') {
    const known = checks.propertyNames(objectName)
    for (const property of (args.properties ?? []) as string[]) {
      if (!known.includes(property))
        errors.push(`${name}: ${property} is not a property of ${objectName}`)
    }
  }
  else {
    errors.push(`${name}: only get, set and query exist for registry objects`)
  }
  return errors
}

/** Filter fields the admin UI lists for an object (its own list and its views', e.g. `x:Account/User`). */
export function filterFields(schema: SchemaFile, objectName: string): string[] {
  const lists = Object.entries(schema.lists).filter(([name]) => name === objectName || name.startsWith(`${objectName}/`))
  return [
    ...new Set(lists.flatMap(([, list]) => [
      ...(list.filters ?? []).map(f => f.field),
      ...Object.keys(list.filtersStatic ?? {}),
    ])),
  ]
}

/** Every property name of an object over all its variants, plus `id` and `@type`. */
export function propertyNames(schema: SchemaFile, objectName: string): string[] {
  const entry = schema.schemas[objectName]
  const names = entry?.type === 'single'
    ? [entry.schemaName!]
    : (entry?.variants ?? []).flatMap(v => v.schemaName
        ? [v.schemaName]
        : [])
  return [
    ...new Set([
      'id',
      '@type',
      ...names.flatMap(name => Object.keys(schema.fields[name]?.properties ?? {})),
    ]),
  ]
}
