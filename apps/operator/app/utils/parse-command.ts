import type { TProvisioningStepName } from '@dezky/contracts'
import type { TOperatorCapability } from './operator-capabilities'

export type TCommandVerb = 'reconcile' | 'retry' | 'suspend' | 'resume'

export interface TParsedCommand {
  verb: TCommandVerb
  /** What was typed for the tenant (lower case, maybe partial, maybe empty): matched against the search. */
  target: string
  /** `retry` only: the step, when one was named. */
  step?: TProvisioningStepName
}

/** What each verb needs of the role: the API's capability for the route the command calls. */
export const COMMAND_CAPABILITY: Record<TCommandVerb, TOperatorCapability> = {
  reconcile: 'tenant:reconcile',
  retry: 'tenant:reconcile',
  suspend: 'tenant:suspend',
  resume: 'tenant:suspend',
}

// The words an operator types, in English and Brazilian Portuguese, whatever the console's language.
// Matched without accents or case, so "Reconciliar" and "reativar" work as typed.
const VERB_WORDS: Record<string, TCommandVerb> = {
  reconcile: 'reconcile',
  reconciliar: 'reconcile',
  retry: 'retry',
  retentar: 'retry',
  repetir: 'retry',
  suspend: 'suspend',
  suspender: 'suspend',
  resume: 'resume',
  retomar: 'resume',
  reativar: 'resume',
}

const STEP_WORDS: Record<string, TProvisioningStepName> = {
  'identity': 'identity',
  'identidade': 'identity',
  'mail': 'mail',
  'email': 'mail',
  'e-mail': 'mail',
  'files': 'files',
  'arquivos': 'files',
  'onboarding': 'onboarding',
  'welcome': 'onboarding',
  'boas-vindas': 'onboarding',
}

function normalize(word: string): string {
  return word.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

/**
 * Reads a typed command ("reconcile acme", "suspender boreal", "retry acme mail", "retry mail acme").
 * Null when the first word is not a verb: the text is then a plain search.
 *
 * @example
 * parseCommand('Retomar acme') // { verb: 'resume', target: 'acme' }
 * parseCommand('retry acme e-mail') // { verb: 'retry', target: 'acme', step: 'mail' }
 */
export function parseCommand(input: string): TParsedCommand | null {
  const [first, ...rest] = normalize(input).trim().split(/\s+/)
  const verb = first
    ? VERB_WORDS[first]
    : undefined
  // "reconcile" alone is still being typed as a search until a space follows it.
  if (!verb || (!rest.length && !/\s$/.test(input)))
    return null
  if (verb !== 'retry') {
    return {
      verb,
      target: rest.join(' '),
    }
  }
  const stepAt = rest.findIndex(word => STEP_WORDS[word])
  if (stepAt < 0) {
    return {
      verb,
      target: rest.join(' '),
    }
  }
  return {
    verb,
    target: rest.filter((_, index) => index !== stepAt).join(' '),
    step: STEP_WORDS[rest[stepAt]!],
  }
}

/**
 * The verbs a partly typed first word could become, to suggest them ("sus" → suspend); none once a
 * space follows the word or for fewer than two letters.
 *
 * @example
 * suggestVerbs('reco') // ['reconcile']
 */
export function suggestVerbs(input: string): TCommandVerb[] {
  const word = normalize(input).trimStart()
  if (word.length < 2 || /\s/.test(word))
    return []
  const verbs = Object.entries(VERB_WORDS).filter(([alias]) => alias.startsWith(word)).map(([, verb]) => verb)
  return [
    ...new Set(verbs),
  ]
}
