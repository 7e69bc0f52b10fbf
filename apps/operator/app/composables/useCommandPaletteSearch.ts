import type { Ref } from 'vue'
import type { TSearchResult } from '#shared/palette-search'
import type { TPaletteRecent } from '~/composables/useCommandPalette'
import type { TCommandVerb, TParsedCommand } from '~/utils/parse-command'
import { PROVISIONING_STEPS } from '@dezky/contracts'
import { COMMAND_CAPABILITY, parseCommand, suggestVerbs } from '~/utils/parse-command'

/** Typing pauses this long before the one search request. */
const DEBOUNCE_MS = 200
/** Actions offered for one command at most (a bare "retry" spans every step of every match). */
const ACTIONS_SHOWN = 8

type TTenantHit = TSearchResult['tenants'][number]

export type TPaletteItem
  = | { kind: 'verb', id: string, verb: TCommandVerb }
    | { kind: 'action', id: string, command: Required<Pick<TParsedCommand, 'verb'>> & Pick<TParsedCommand, 'step'>, tenant: TTenantHit }
    | { kind: 'recent', id: string, recent: TPaletteRecent }
    | { kind: 'tenant', id: string, tenant: TTenantHit }
    | { kind: 'partner', id: string, partner: TSearchResult['partners'][number] }
    | { kind: 'user', id: string, user: TSearchResult['users'][number] }

export type TPaletteGroupKey = 'actions' | 'recent' | 'tenants' | 'partners' | 'users'

export interface TPaletteGroup {
  key: TPaletteGroupKey
  items: TPaletteItem[]
}

// What the tenant's status allows, as the Danger tab decides (the API answers 409 to the rest).
const VERB_STATUSES: Partial<Record<TCommandVerb, readonly string[]>> = {
  suspend: ['provisioning', 'active'],
  resume: ['suspended', 'offboarding'],
}

function actionsFor(command: TParsedCommand, tenants: TTenantHit[]): TPaletteItem[] {
  const steps = command.verb === 'retry' && !command.step
    ? PROVISIONING_STEPS
    : [command.step]
  return tenants
    .filter(tenant => VERB_STATUSES[command.verb]?.includes(tenant.status) ?? tenant.status !== 'deleted')
    .flatMap(tenant => steps.map(step => ({
      kind: 'action' as const,
      id: `action-${command.verb}-${tenant.slug}${step
        ? `-${step}`
        : ''}`,
      command: { verb: command.verb, step },
      tenant,
    })))
    .slice(0, ACTIONS_SHOWN)
}

/**
 * What the palette lists for the text typed: verbs to complete, actions on matching tenants (only those
 * the operator's role may run), and places to jump to, from one debounced `/api/search` per pause.
 */
export function useCommandPaletteSearch(text: Ref<string>) {
  const { can } = useOperatorRole()
  const { recents } = useCommandPalette()
  const result = ref<TSearchResult | null>(null)
  const status = ref<'idle' | 'pending' | 'success' | 'error'>('idle')
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  // A verb the role may not run is no command: its words are searched like any others.
  const command = computed(() => {
    const parsed = parseCommand(text.value)
    return parsed && can(COMMAND_CAPABILITY[parsed.verb])
      ? parsed
      : null
  })
  const searchText = computed(() => (command.value ? command.value.target : text.value).trim().slice(0, 100))

  async function search(q: string) {
    const request = ++latest
    try {
      const found = await $fetch('/api/search', {
        query: { q },
      })
      if (request === latest) {
        result.value = found
        status.value = 'success'
      }
    }
    catch {
      if (request === latest)
        status.value = 'error'
    }
  }

  watch(searchText, (q) => {
    clearTimeout(timer)
    latest++
    if (!q) {
      result.value = null
      status.value = 'idle'
      return
    }
    status.value = 'pending'
    timer = setTimeout(search, DEBOUNCE_MS, q)
  }, { immediate: true })
  onBeforeUnmount(() => clearTimeout(timer))

  const groups = computed<TPaletteGroup[]>(() => {
    const verbs: TPaletteItem[] = suggestVerbs(text.value)
      .filter(verb => can(COMMAND_CAPABILITY[verb]))
      .map(verb => ({ kind: 'verb', id: `verb-${verb}`, verb }))
    const found = result.value
    const actions = command.value && found
      ? actionsFor(command.value, found.tenants)
      : []
    const shown: TPaletteGroup[] = [
      {
        key: 'actions',
        items: [
          ...verbs,
          ...actions,
        ],
      },
    ]
    if (!text.value.trim()) {
      shown.push({
        key: 'recent',
        items: recents.value.map(recent => ({ kind: 'recent', id: `recent-${recent.to}`, recent })),
      })
    }
    // Under a command, the tenants are already listed as its actions.
    if (found && !command.value) {
      shown.push(
        {
          key: 'tenants',
          items: found.tenants.map(tenant => ({ kind: 'tenant', id: `tenant-${tenant.slug}`, tenant })),
        },
        {
          key: 'partners',
          items: found.partners.map(partner => ({ kind: 'partner', id: `partner-${partner.slug}`, partner })),
        },
        {
          key: 'users',
          items: found.users.map(user => ({ kind: 'user', id: `user-${user.id}`, user })),
        },
      )
    }
    return shown.filter(group => group.items.length)
  })
  const items = computed(() => groups.value.flatMap(group => group.items))

  return {
    command,
    groups,
    items,
    status,
    unavailable: computed(() => result.value?.unavailable ?? []),
    searched: searchText,
  }
}
