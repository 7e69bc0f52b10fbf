/** A JSON object as JMAP carries it. */
export type JsonObject = Record<string, unknown>

/** The three registry object types the twin serves (Stalwart v0.16 `x:<ObjectType>`). */
export type StalwartObjectType = 'Domain' | 'Account' | 'DkimSignature'

/** A stored registry object: what `/get` returns before server-computed properties are added. */
export interface StoredObject extends JsonObject {
  id: string
}

/**
 * A SetError as Stalwart serializes it (crates/jmap-proto/src/error/set.rs): `type` plus the optional
 * `description`, `properties`, `existingId`, `objectId` ({ object, id }), `linkedObjects`, `validationErrors`.
 */
export interface SetError extends JsonObject {
  type: string
  description?: string
  properties?: string[]
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
