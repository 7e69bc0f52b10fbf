import type { JsonObject } from './types'
import { isObject } from './types'

/**
 * How the twin checks one property value the way Stalwart's registry patcher does: an error message
 * (the SetError's description) or undefined when valid. `normalize` turns an accepted value into the stored
 * one (lower-cased names, defaults filled into a variant).
 */
export interface Check {
  test: (value: unknown) => string | undefined
  normalize?: (value: unknown) => unknown
}

export interface PropertySpec extends Check {
  /** Computed by the server: any write is refused ("Cannot modify server set property"). */
  serverSet?: boolean
  /** An object id of this type; `#creationId` references are resolved before the check. */
  references?: 'Domain'
}

export const anyString: Check = {
  test: v => typeof v === 'string'
    ? undefined
    : 'Expected a string',
}
export const boolean: Check = {
  test: v => typeof v === 'boolean'
    ? undefined
    : 'Expected a boolean',
}
export const unsigned: Check = {
  test: v => Number.isSafeInteger(v) && (v as number) >= 0
    ? undefined
    : 'Expected an unsigned integer',
}
export const objectId: Check = {
  test: v => typeof v === 'string' && /^[a-z0-9]+$/.test(v)
    ? undefined
    : 'Invalid id',
}
export const serverSet: PropertySpec = {
  serverSet: true,
  test: () => 'Cannot modify server set property',
}

export function nullable(check: Check): Check {
  return {
    test: v => v === null
      ? undefined
      : check.test(v),
    normalize: check.normalize,
  }
}

/** Optional text fields refuse the empty string (`ValidationError::required` in the generated validate()). */
export const optionalText: Check = nullable({
  test: v => typeof v === 'string' && v !== ''
    ? undefined
    : 'Expected a non-empty string',
})

/** A JMAP set: `{ "value": true, … }`. */
export function setOf(item: Check): Check {
  return {
    test(v) {
      if (!isObject(v) || Object.values(v).some(flag => flag !== true))
        return 'Expected a set ({"value": true})'
      return Object.keys(v).map(key => item.test(key)).find(Boolean)
    },
    normalize: v => Object.fromEntries(Object.keys(v as JsonObject).map(key => [item.normalize?.(key) ?? key, true])),
  }
}

export function enumOf(names: readonly string[]): Check {
  return {
    test: v => typeof v === 'string' && names.includes(v)
      ? undefined
      : `Invalid value, expected one of ${names.join(', ')}`,
  }
}

export function mapOf(keys: readonly string[], value: Check): Check {
  return {
    test(v) {
      if (!isObject(v))
        return 'Expected an object'
      const bad = Object.keys(v).find(key => !keys.includes(key))
      return bad
        ? `Invalid key ${bad}`
        : Object.values(v).map(inner => value.test(inner)).find(Boolean)
    },
  }
}

/** A list of objects, serialized by Stalwart as a map keyed by position: `{ "0": {…} }`. */
export function objectListOf(item: Check): Check {
  return {
    test(v) {
      if (!isObject(v))
        return 'Expected an object list ({"0": {…}})'
      return Object.values(v).map(inner => item.test(inner)).find(Boolean)
    },
    normalize: v => Object.fromEntries(Object.values(v as JsonObject).map((inner, index) => [
      String(index),
      item.normalize?.(inner) ?? inner,
    ])),
  }
}

/** Fields of one variant: each optional, unknown ones refused. */
export type VariantFields = Record<string, Check>

/**
 * A tagged union (`{"@type": "Automatic", …}`). `defaults` fill what a create leaves out, as the Rust
 * `Default` impls do.
 */
export function variant(variants: Record<string, { fields?: VariantFields, defaults?: JsonObject }>): Check {
  return {
    test(v) {
      if (!isObject(v) || typeof v['@type'] !== 'string')
        return 'Expected an object with "@type"'
      const spec = variants[v['@type']]
      if (!spec)
        return `Invalid @type ${v['@type']}, expected one of ${Object.keys(variants).join(', ')}`
      for (const [key, inner] of Object.entries(v)) {
        if (key === '@type')
          continue
        const field = spec.fields?.[key]
        if (!field)
          return `Invalid property ${key}`
        const error = field.test(inner)
        if (error)
          return `${key}: ${error}`
      }
      return undefined
    },
    normalize(v) {
      const value = v as JsonObject
      const spec = variants[value['@type'] as string]!
      return {
        '@type': value['@type'],
        ...structuredClone(spec.defaults ?? {}),
        ...value,
      }
    },
  }
}
