import type { FieldErrors } from './api-errors'

/**
 * Reads one serializer field the way DRF validates it, recording DRF's own message on failure.
 * `required` follows the serializer: required on create and PUT, optional on PATCH.
 */
export class Fields {
  readonly errors: FieldErrors = {}
  constructor(private readonly body: Record<string, unknown>, private readonly partial: boolean) {}

  private fail(name: string, message: string): undefined {
    (this.errors[name] ??= []).push(message)
    return undefined
  }

  private present(name: string, required: boolean): boolean {
    if (this.body[name] !== undefined)
      return true
    if (required && !this.partial)
      this.fail(name, 'This field is required.')
    return false
  }

  string(name: string, options: { required?: boolean, allowBlank?: boolean, maxLength?: number } = {}): string | undefined {
    if (!this.present(name, options.required ?? false))
      return undefined
    const value = this.body[name]
    if (value === null)
      return this.fail(name, 'This field may not be null.')
    if (typeof value !== 'string' && typeof value !== 'number')
      return this.fail(name, 'Not a valid string.')
    const text = String(value).trim()
    if (!text && !options.allowBlank)
      return this.fail(name, 'This field may not be blank.')
    if (options.maxLength && text.length > options.maxLength)
      return this.fail(name, `Ensure this field has no more than ${options.maxLength} characters.`)
    return text
  }

  boolean(name: string): boolean | undefined {
    if (!this.present(name, false))
      return undefined
    const value = this.body[name]
    if (typeof value === 'boolean')
      return value
    if (['true', 'True', '1', 1].includes(value as never))
      return true
    if (['false', 'False', '0', 0].includes(value as never))
      return false
    return this.fail(name, 'Must be a valid boolean.')
  }

  dict(name: string): Record<string, unknown> | undefined {
    if (!this.present(name, false))
      return undefined
    const value = this.body[name]
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return this.fail(name, 'Value must be a dictionary.')
    return value as Record<string, unknown>
  }

  /** A many=True PrimaryKeyRelatedField: every pk must name an existing object. */
  pks<T extends string | number>(name: string, parse: (value: unknown) => T | undefined, exists: (pk: T) => boolean): T[] | undefined {
    if (!this.present(name, false))
      return undefined
    const value = this.body[name]
    if (!Array.isArray(value))
      return this.fail(name, `Expected a list of items but got type "${typeof value}".`)
    const out: T[] = []
    for (const item of value) {
      const pk = parse(item)
      if (pk === undefined)
        return this.fail(name, `Incorrect type. Expected pk value, received ${typeof item}.`)
      if (!exists(pk))
        return this.fail(name, `Invalid pk "${String(item)}" - object does not exist.`)
      out.push(pk)
    }
    return [
      ...new Set(out),
    ]
  }

  ok(): boolean {
    return Object.keys(this.errors).length === 0
  }
}

export function parseUuid(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)
    ? value.toLowerCase()
    : undefined
}

export function parseIntPk(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value)
    ? Number(value)
    : value
  return typeof number === 'number' && Number.isSafeInteger(number)
    ? number
    : undefined
}

/** DRF refuses a body that is not a JSON object before looking at any field. */
export function objectBody(body: unknown): { body: Record<string, unknown> } | { errors: FieldErrors } {
  if (body === undefined)
    return { body: {} }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    const type = Array.isArray(body)
      ? 'list'
      : body === null
        ? 'NoneType'
        : typeof body
    return {
      errors: {
        non_field_errors: [`Invalid data. Expected a dictionary, but got ${type}.`],
      },
    }
  }
  return { body: body as Record<string, unknown> }
}
