import type { JsonObject } from './types'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { filterFields, methodCallErrors, propertyNames } from './schema-method-calls'
import { isObject } from './types'

/** A type descriptor of Stalwart's schema file (`fields[…].properties[…].type`). */
interface TypeSpec {
  type: string
  format?: string
  nullable?: boolean
  objectName?: string
  enumName?: string
  class?: TypeSpec
  keyClass?: TypeSpec
  valueClass?: TypeSpec
}
interface FieldSpec { type: TypeSpec, update: 'mutable' | 'immutable' | 'serverSet' }
export interface SchemaFile {
  objects: Record<string, { type: string, objectName?: string }>
  schemas: Record<string, { type: 'single' | 'multiple', schemaName?: string, variants?: Array<{ name: string, schemaName?: string }> }>
  fields: Record<string, { properties: Record<string, FieldSpec> }>
  lists: Record<string, { filters?: Array<{ field: string }>, filtersStatic?: JsonObject }>
  enums: Record<string, Array<{ name: string }>>
}

/** How a value is used: read back from `/get`, sent in a `/set` create, or sent in a `/set` update. */
export type SchemaMode = 'get' | 'create' | 'update'

export interface StalwartSchema {
  /** Errors of one object (e.g. `x:Domain`) against the schema, empty when valid. */
  objectErrors: (objectName: string, value: unknown, mode: SchemaMode) => string[]
  /** Errors of one JMAP method call (`x:Account/set`, …): object, properties, filters. */
  methodCallErrors: (name: string, args: JsonObject) => string[]
  /** Filter fields the admin UI lists for an object (its own list and its views'). */
  filterFields: (objectName: string) => string[]
  /** Every property name of an object, over all its variants, plus `id` and `@type`. */
  propertyNames: (objectName: string) => string[]
}

/**
 * Loads Stalwart's management object model (`schema-v0.16.18.json.gz`, gzip or plain JSON) and checks
 * objects and method calls against its property names, types, `@type` variants, enums and update rules.
 *
 * @example
 * const schema = loadStalwartSchema(upstreamSpecPath('stalwart/schema-v0.16.18.json.gz')!)
 * expect(schema.objectErrors('x:Domain', { name: 'acme.com' }, 'create')).toEqual([])
 */
export function loadStalwartSchema(file: string): StalwartSchema {
  const raw = readFileSync(file)
  const schema = JSON.parse((file.endsWith('.gz')
    ? gunzipSync(raw)
    : raw).toString('utf8')) as SchemaFile

  function fieldsOf(schemaName: string, value: JsonObject, path: string, errors: string[]): Record<string, FieldSpec> | undefined {
    const entry = schema.schemas[schemaName]
    if (!entry) {
      errors.push(`${path}: the schema has no ${schemaName}`)
      return undefined
    }
    if (entry.type === 'single')
      return schema.fields[entry.schemaName!]?.properties ?? {}
    const variant = entry.variants?.find(v => v.name === value['@type'])
    if (!variant) {
      errors.push(`${path}/@type: ${JSON.stringify(value['@type'])} is not one of ${entry.variants?.map(v => v.name).join(', ')}`)
      return undefined
    }
    return variant.schemaName
      ? schema.fields[variant.schemaName]?.properties ?? {}
      : {}
  }

  function checkType(spec: TypeSpec, value: unknown, path: string, mode: SchemaMode, errors: string[]): void {
    if (value === null) {
      if (!spec.nullable)
        errors.push(`${path}: null but not nullable`)
      return
    }
    const fail = (expected: string): void => {
      errors.push(`${path}: expected ${expected}, got ${JSON.stringify(value)?.slice(0, 80)}`)
    }
    switch (spec.type) {
      case 'string': case 'blobId': case 'utcDateTime':
        if (typeof value !== 'string')
          return fail(spec.type)
        if (spec.type === 'utcDateTime' && Number.isNaN(Date.parse(value)))
          return fail('a date-time')
        if (spec.format === 'emailAddress' && !/^[^@\s]+@[^@\s]+$/.test(value))
          return fail('an email address')
        return
      case 'objectId':
        return typeof value === 'string'
          ? undefined
          : fail('an id')
      case 'boolean':
        return typeof value === 'boolean'
          ? undefined
          : fail('a boolean')
      case 'number':
        if (typeof value !== 'number' || (spec.format !== 'float' && !Number.isInteger(value)))
          return fail(`a number (${spec.format})`)
        return ['unsignedInteger', 'size', 'duration'].includes(spec.format ?? '') && value < 0
          ? fail('≥ 0')
          : undefined
      case 'enum':
        return schema.enums[spec.enumName!]?.some(e => e.name === value)
          ? undefined
          : fail(`one of enum ${spec.enumName}`)
      case 'set':
        if (!isObject(value) || Object.values(value).some(v => v !== true))
          return fail('a set {"value": true}')
        return Object.keys(value).forEach(key => checkType(spec.class!, key, `${path}/${key}`, mode, errors))
      case 'map':
        if (!isObject(value))
          return fail('a map')
        for (const [key, inner] of Object.entries(value)) {
          checkType(spec.keyClass!, key, `${path}/${key}`, mode, errors)
          checkType(spec.valueClass!, inner, `${path}/${key}`, mode, errors)
        }
        return
      case 'object':
        return checkObject(spec.objectName!, value, path, mode, errors)
      case 'objectList':
        if (!isObject(value))
          return fail('an object list {"0": {…}}')
        return Object.entries(value).forEach(([key, inner]) => checkObject(spec.objectName!, inner, `${path}/${key}`, mode, errors))
      default:
        errors.push(`${path}: unknown schema type ${spec.type}`)
    }
  }

  function checkObject(schemaName: string, value: unknown, path: string, mode: SchemaMode, errors: string[]): void {
    if (!isObject(value))
      return void errors.push(`${path}: expected an object`)
    const fields = fieldsOf(schemaName, value, path, errors)
    if (!fields)
      return
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@type' || (key === 'id' && mode === 'get' && path === ''))
        continue
      const field = fields[key]
      if (!field) {
        errors.push(`${path}/${key}: not a property of ${schemaName}${value['@type']
          ? ` (${value['@type']})`
          : ''}`)
      }
      else if (mode !== 'get' && field.update === 'serverSet') {
        errors.push(`${path}/${key}: server-set, a client cannot send it`)
      }
      else {
        checkType(field.type, inner, `${path}/${key}`, mode, errors)
      }
    }
  }

  function objectErrors(objectName: string, value: unknown, mode: SchemaMode): string[] {
    const errors: string[] = []
    if (mode !== 'update') {
      checkObject(objectName, value, '', mode, errors)
      return errors
    }
    if (!isObject(value))
      return ['update: expected an object']
    // An update need not name the variant: it is valid when it fits one of them.
    const variants = schema.schemas[objectName]?.variants
    if (variants && !('@type' in value)) {
      const attempts = variants.map(variant => objectErrors(objectName, { ...value, '@type': variant.name }, mode))
      return attempts.find(attempt => attempt.length === 0) ?? attempts[0]!
    }
    for (const [key, inner] of Object.entries(value)) {
      // A patch key is a property or a JSON pointer into one (`quotas/maxDiskQuota`); check it as a
      // one-property object, wrapping pointer values back into their property.
      const [property, ...rest] = key.split('/')
      const wrapped = rest.reduceRight<unknown>((acc, part) => ({ [part]: acc }), inner)
      checkObject(objectName, {
        ...(isObject(value) && '@type' in value
          ? { '@type': value['@type'] }
          : {}),
        [property!]: wrapped,
      }, '', mode, errors)
    }
    return errors
  }

  const lookups = {
    objectErrors,
    filterFields: (objectName: string) => filterFields(schema, objectName),
    propertyNames: (objectName: string) => propertyNames(schema, objectName),
  }
  return {
    ...lookups,
    methodCallErrors: (name, args) => methodCallErrors(schema, lookups, name, args),
  }
}
