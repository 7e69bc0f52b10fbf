import type { JsonObject } from './types'
import { MethodError } from './errors'
import { isObject } from './types'

export type MethodResponse = [name: string, args: JsonObject, callId: string]

// RFC 8620 §3.7: a JSON Pointer where `*` maps over an array and flattens nested arrays.
function evaluate(value: unknown, parts: string[]): unknown {
  if (parts.length === 0)
    return value
  const [head, ...rest] = parts
  if (head === '*' && Array.isArray(value)) {
    return value.flatMap(item => [
      evaluate(item, rest),
    ].flat())
  }
  if (Array.isArray(value) && /^\d+$/.test(head!))
    return evaluate(value[Number(head)], rest)
  if (isObject(value) && head! in value)
    return evaluate(value[head!], rest)
  throw new MethodError('invalidResultReference', `Path ${parts.join('/')} not found`)
}

/** Replaces `#arg: { resultOf, name, path }` arguments with the values they point at (RFC 8620 §3.7). */
export function resolveReferences(args: JsonObject, responses: MethodResponse[]): JsonObject {
  const resolved: JsonObject = {}
  for (const [key, value] of Object.entries(args)) {
    if (!key.startsWith('#')) {
      resolved[key] = value
      continue
    }
    if (key.slice(1) in args)
      throw new MethodError('invalidArguments', `Argument ${key.slice(1)} given both directly and by reference`)
    if (!isObject(value) || typeof value.resultOf !== 'string' || typeof value.name !== 'string' || typeof value.path !== 'string')
      throw new MethodError('invalidResultReference', `Invalid reference in ${key}`)
    const source = responses.find(([name, , callId]) => callId === value.resultOf && name === value.name)
    if (!source)
      throw new MethodError('invalidResultReference', `No result for call ${value.resultOf} named ${value.name}`)
    const parts = value.path.split('/').slice(1).map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    resolved[key.slice(1)] = evaluate(source[1], parts)
  }
  return resolved
}
