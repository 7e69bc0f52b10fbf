import type { SchemaFile, StalwartSchema } from './schema-contract'
import type { JsonObject } from './types'

/** Errors of one JMAP method call on a registry object: its object, the `/set` payloads, the filters. */
export function methodCallErrors(schema: SchemaFile, checks: Pick<StalwartSchema, 'objectErrors' | 'filterFields'>, name: string, args: JsonObject): string[] {
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
  else if (fn !== 'get') {
    errors.push(`${name}: only get, set and query exist for registry objects`)
  }
  return errors
}
