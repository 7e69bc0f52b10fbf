import { serverFieldErrors } from '@dezky/ui/app/composables/internal/zod-field-messages'

/**
 * What a failed flag change tells the operator: a sentence per status the API answers (412 = someone
 * changed the flag meanwhile), and the API's per-field issues of a refused rule, each with where it is
 * (`strategies.0.constraints.1.value` → "Strategy 1 › constraint 2 › value").
 *
 * @example
 * const { message, fieldIssues } = useFlagErrorText()
 * catch (error) { toast.error(message(error)) }
 */
export function useFlagErrorText() {
  const { t, te } = useI18n()

  function statusOf(error: unknown): number | undefined {
    return (error as { statusCode?: number } | null)?.statusCode
  }

  function message(error: unknown): string {
    const status = statusOf(error)
    return status && te(`flags.errors.${status}`)
      ? t(`flags.errors.${status}`)
      : t('flags.errors.default')
  }

  function fieldIssues(error: unknown): string[] {
    return serverFieldErrors(error).map(({ field, message }) => `${readablePath(field)}: ${message}`)
  }

  function readablePath(field: string): string {
    return field.split('.').reduce<string[]>((parts, part, index, all) => {
      if (/^\d+$/.test(part))
        return parts
      const next = all[index + 1]
      const number = next !== undefined && /^\d+$/.test(next)
        ? ` ${Number(next) + 1}`
        : ''
      parts.push(`${part}${number}`)
      return parts
    }, []).join(' › ')
  }

  return { statusOf, message, fieldIssues }
}
