import type { ErrorObject, ValidateFunction } from 'ajv'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { openapiSchemaToJsonSchema } from '@openapi-contrib/openapi-schema-to-json-schema'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { parse as parseYaml } from 'yaml'

/**
 * Where the upstream specifications live: `DEZKY_UPSTREAM_SPECS`, else a `shared/upstream` folder beside
 * the checkout or any of its parents. Undefined when absent (an outside clone): contract tests skip then.
 */
export function upstreamSpecsDir(): string | undefined {
  const fromEnv = process.env.DEZKY_UPSTREAM_SPECS
  if (fromEnv) {
    return existsSync(fromEnv)
      ? resolve(fromEnv)
      : undefined
  }
  let dir = dirname(fileURLToPath(import.meta.url))
  while (true) {
    const candidate = join(dir, 'shared', 'upstream')
    if (existsSync(join(candidate, 'README.md')))
      return candidate
    const parent = dirname(dir)
    if (parent === dir)
      return undefined
    dir = parent
  }
}

/** The message contract tests print when they skip. */
export const SPECS_MISSING = 'upstream specs not found (../shared/upstream or DEZKY_UPSTREAM_SPECS): contract tests skipped'

/** A file under the specs folder, or undefined when the folder is absent. */
export function upstreamSpecPath(relative: string): string | undefined {
  const dir = upstreamSpecsDir()
  return dir
    ? join(dir, relative)
    : undefined
}

type Json = Record<string, any>

export interface OpenApiContract {
  document: Json
  /** Errors of a request body against the operation's schema (empty when valid). */
  requestErrors: (method: string, path: string, body: unknown) => string[]
  /** Errors of a response against the operation's documented status (empty when valid). */
  responseErrors: (method: string, path: string, status: number, body: unknown) => string[]
  /** Whether the operation documents this status at all. */
  documentsStatus: (method: string, path: string, status: number) => boolean
  /** Operation object for a path template such as `/core/groups/{group_uuid}/`. */
  operation: (method: string, path: string) => Json
}

const ROOT_ID = 'openapi'

// OpenAPI 3.0 schemas are not JSON Schema (nullable, readOnly semantics); convert each and point local
// refs at the document registered under ROOT_ID.
function toJsonSchema(schema: Json): Json {
  const converted = openapiSchemaToJsonSchema(schema as any, { cloneSchema: true }) as Json
  delete converted.$schema
  return rewriteRefs(converted)
}

function rewriteRefs(value: any): any {
  if (Array.isArray(value))
    return value.map(rewriteRefs)
  if (value && typeof value === 'object') {
    const out: Json = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `${ROOT_ID}${inner}`
        : rewriteRefs(inner)
    }
    return out
  }
  return value
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(error => `${error.instancePath || '/'} ${error.message ?? ''}${error.params
    ? ` ${JSON.stringify(error.params)}`
    : ''}`)
}

/**
 * Loads an OpenAPI 3.0 document (YAML or JSON) and validates requests and responses against it.
 * `readOnly` properties are allowed in requests only if the spec lists them; response schemas are
 * checked as written, additional properties included where the spec forbids them.
 */
export function loadOpenApiContract(file: string): OpenApiContract {
  const text = readFileSync(file, 'utf8')
  const document = (file.endsWith('.json')
    ? JSON.parse(text)
    : parseYaml(text, { maxAliasCount: -1 })) as Json
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true })
  addFormats(ajv)
  const schemas: Json = {}
  for (const [name, schema] of Object.entries<Json>(document.components?.schemas ?? {}))
    schemas[name] = toJsonSchema(schema)
  ajv.addSchema({
    $id: ROOT_ID,
    components: { schemas },
  })
  const compiled = new Map<string, ValidateFunction>()

  function operation(method: string, path: string): Json {
    const op = document.paths?.[path]?.[method.toLowerCase()]
    if (!op)
      throw new Error(`the spec has no operation ${method.toUpperCase()} ${path}`)
    return op
  }

  function resolveRef<T extends Json>(value: T): T {
    let current: Json = value
    while (current?.$ref) {
      const parts = String(current.$ref).replace(/^#\//, '').split('/')
      current = parts.reduce<Json>((node, part) => node?.[part], document)
    }
    return current as T
  }

  function validatorFor(key: string, schema: Json): ValidateFunction {
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema))
      compiled.set(key, validate)
    }
    return validate
  }

  function responseFor(method: string, path: string, status: number): Json | undefined {
    const responses = operation(method, path).responses ?? {}
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default
    return response
      ? resolveRef(response)
      : undefined
  }

  return {
    document,
    operation,
    documentsStatus: (method, path, status) => Boolean(responseFor(method, path, status)),
    requestErrors(method, path, body) {
      const requestBody = operation(method, path).requestBody
      if (!requestBody) {
        return body === undefined
          ? []
          : [`${method} ${path} takes no body`]
      }
      const schema = resolveRef(requestBody).content?.['application/json']?.schema
      if (!schema)
        return [`${method} ${path} documents no application/json body`]
      const validate = validatorFor(`req ${method} ${path}`, schema)
      return validate(body)
        ? []
        : describe(validate.errors)
    },
    responseErrors(method, path, status, body) {
      const response = responseFor(method, path, status)
      if (!response)
        return [`${method} ${path} does not document status ${status}`]
      const schema = response.content?.['application/json']?.schema
      if (!schema) {
        return body === undefined || body === ''
          ? []
          : [`${method} ${path} ${status} documents no JSON body`]
      }
      const validate = validatorFor(`res ${method} ${path} ${status}`, schema)
      return validate(body)
        ? []
        : describe(validate.errors)
    },
  }
}
