import type { PropertySpec } from './checks'
import type { JsonObject, SetError } from './types'
import { invalidPatch } from './errors'
import { isObject } from './types'

export type Resolve = (reference: string) => string | undefined

export type PatchOutcome = { ok: JsonObject } | { error: SetError }

function resolveReferences(spec: PropertySpec, value: unknown, resolve: Resolve): { value: unknown } | SetError {
  if (spec.references && typeof value === 'string' && value.startsWith('#')) {
    const id = resolve(value.slice(1))
    return id === undefined
      ? { type: 'invalidProperties', description: `Unresolved creation reference ${value}` }
      : { value: id }
  }
  return { value }
}

function checkProperty(specs: Record<string, PropertySpec>, property: string, value: unknown, path: string, resolve: Resolve): { value: unknown } | SetError {
  const spec = specs[property]
  if (!spec)
    return invalidPatch(path, 'Invalid property')
  if (spec.serverSet)
    return invalidPatch(path, 'Cannot modify server set property')
  const resolved = resolveReferences(spec, value, resolve)
  if ('type' in resolved)
    return resolved
  const error = spec.test(resolved.value)
  if (error)
    return invalidPatch(path, error)
  return {
    value: spec.normalize
      ? spec.normalize(resolved.value)
      : resolved.value,
  }
}

/** Patches a create onto the type's defaults; every property must be known and valid. */
export function applyCreate(specs: Record<string, PropertySpec>, defaults: JsonObject, value: JsonObject, resolve: Resolve): PatchOutcome {
  const object = structuredClone(defaults)
  for (const [property, inner] of Object.entries(value)) {
    if (property === '@type')
      continue
    const checked = checkProperty(specs, property, inner, property, resolve)
    if ('type' in checked)
      return { error: checked }
    object[property] = checked.value
  }
  return { ok: object }
}

/**
 * Patches an update onto a copy of the object. Keys are properties or JSON pointers into them
 * (`quotas/maxDiskQuota`, RFC 8620 §5.3 patch syntax); the whole top-level property is checked afterwards.
 */
export function applyUpdate(specs: Record<string, PropertySpec>, existing: JsonObject, patch: JsonObject, resolve: Resolve): PatchOutcome {
  const object = structuredClone(existing)
  for (const [key, inner] of Object.entries(patch)) {
    if (key === '@type')
      continue
    const [property, ...rest] = key.split('/').map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    let value = inner
    if (rest.length > 0) {
      const copy = structuredClone(object[property!])
      let node: unknown = copy
      for (const part of rest.slice(0, -1)) {
        node = isObject(node)
          ? node[part]
          : undefined
      }
      if (!isObject(node)) {
        return {
          error: invalidPatch(key, 'Invalid JSON Pointer path'),
        }
      }
      if (inner === null)
        delete node[rest.at(-1)!]
      else
        node[rest.at(-1)!] = inner
      value = copy
    }
    const checked = checkProperty(specs, property!, value, key, resolve)
    if ('type' in checked)
      return { error: checked }
    object[property!] = checked.value
  }
  return { ok: object }
}
