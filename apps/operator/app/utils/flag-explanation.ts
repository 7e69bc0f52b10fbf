import type { TFlagExplanation } from '@dezky/contracts'

/** An i18n key under `flags.tenantTab.why` and its parameters: one plain sentence per engine decision. */
export interface FlagExplanationSentence {
  key: string
  params: Record<string, string | number>
}

/**
 * Why a tenant sees a flag as it does, told as a sentence (the tenant's Flags tab). `value` words
 * (`on`/`off`) are left for the caller to translate: `params.value` is `'on'` or `'off'`.
 *
 * @example
 * flagExplanationSentence({ decision: 'rollout', value: true, bucket: 17, … })
 * // { key: 'flags.tenantTab.why.rolloutIn', params: { bucket: 17 } }
 */
export function flagExplanationSentence(item: TFlagExplanation): FlagExplanationSentence {
  const why = 'flags.tenantTab.why'
  switch (item.decision) {
    case 'override':
      return {
        key: `${why}.override.${item.scope ?? 'tenant'}`,
        params: {
          value: item.value ? 'on' : 'off',
          id: item.scopeId ?? '',
        },
      }
    case 'dependency':
      return {
        key: `${why}.dependency`,
        params: { parent: item.parent ?? '' },
      }
    case 'rollout':
      if (item.bucket === null)
        return { key: `${why}.rolloutNone`, params: {} }
      return {
        key: `${why}.${item.value ? 'rolloutIn' : 'rolloutOut'}`,
        params: { bucket: item.bucket },
      }
    case 'targeted':
      return item.strategyIndex === null
        ? { key: `${why}.targetedNone`, params: {} }
        // Strategies are numbered from 1 on the flag's page, as people count them.
        : {
            key: `${why}.targetedMatch`,
            params: { index: item.strategyIndex + 1 },
          }
    default:
      return { key: `${why}.${item.decision}`, params: {} }
  }
}
