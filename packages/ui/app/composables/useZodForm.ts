import type { z } from 'zod'
import type { TFieldMessage } from './internal/zod-field-messages'
import { messageFor, serverFieldErrors } from './internal/zod-field-messages'

/**
 * Form state validated by a contract's zod schema, with translated messages per field (dot paths
 * for nested fields, e.g. `branding.primaryColor`).
 *
 * @example
 * const form = useZodForm(ZCreateTenantMember, { email: '', name: '', role: 'member' })
 * // <FormInput v-model="form.values.email" :error="form.errors.value.email" @blur="form.validateField('email')" …/>
 * async function onSubmit() {
 *   await form.submit(body => $fetch(`/api/tenants/${slug}/members`, { method: 'POST', body }))
 * }
 */
export function useZodForm<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  initial: z.input<S>,
  options: { formatKeys?: Record<string, string> } = {},
) {
  const { t } = useI18n()
  const values = reactive(structuredClone(initial) as Record<string, unknown>) as z.input<S>
  const messages = ref<Record<string, TFieldMessage>>({})
  const submitting = ref(false)

  const errors = computed(() => Object.fromEntries(Object.entries(messages.value)
    .map(([field, message]) => [
      field,
      t(message.key, message.params ?? {}),
    ])) as Record<string, string | undefined>)

  function valueAt(path: PropertyKey[]) {
    return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], values)
  }

  function collect(result: z.ZodSafeParseResult<unknown>) {
    const found: Record<string, TFieldMessage> = {}
    for (const issue of result.success
      ? []
      : result.error.issues) {
      const field = issue.path.map(String).join('.')
      found[field] ??= messageFor(issue, valueAt(issue.path), options.formatKeys?.[field])
    }
    return found
  }

  /** Validates everything; the parsed data (defaults applied, transforms run), or undefined. */
  function validate(): z.output<S> | undefined {
    const result = schema.safeParse(values)
    messages.value = collect(result)
    return result.success ? result.data : undefined
  }

  /** On blur: refreshes one field's message without flagging fields the user has not reached. */
  function validateField(field: string) {
    const { [field]: message, ...others } = messages.value
    const found = collect(schema.safeParse(values))[field]
    messages.value = found
      ? { ...others, [field]: found }
      : others
    return !found && !message
      ? true
      : !found
  }

  /** Shows a failed call's per-field errors; true when there were any (otherwise show a general error). */
  function applyServerErrors(error: unknown) {
    const fieldErrors = serverFieldErrors(error)
    for (const { field, message } of fieldErrors) {
      messages.value = {
        ...messages.value,
        [field]: {
          key: 'form.errors.rejected',
          params: { reason: message },
        },
      }
    }
    return fieldErrors.length > 0
  }

  /**
   * Validates, then runs `send` with the parsed data. Resolves true on success, false when the form
   * or the server rejected fields (shown on them); any other failure is thrown for the caller.
   */
  async function submit(send: (data: z.output<S>) => Promise<unknown>) {
    const data = validate()
    if (!data)
      return false
    submitting.value = true
    try {
      await send(data)
      return true
    }
    catch (error) {
      if (applyServerErrors(error))
        return false
      throw error
    }
    finally {
      submitting.value = false
    }
  }

  function reset() {
    Object.assign(values as object, structuredClone(initial))
    messages.value = {}
  }

  return {
    values,
    errors,
    submitting: readonly(submitting),
    validate,
    validateField,
    applyServerErrors,
    submit,
    reset,
  }
}
