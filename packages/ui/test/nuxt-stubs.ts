import type { Ref } from 'vue'
import { vi } from 'vitest'
import { reactive, ref } from 'vue'
import { useI18n as useVueI18n } from 'vue-i18n'

// Stand-ins for the Nuxt runtime composables the layer's components call. Tests steer them through
// `nuxt` (route, app config, session, fetch answers) and read `navigateTo` calls; `resetNuxtStubs`
// runs before every test (test/setup.ts).

interface FetchAnswer { data?: unknown, error?: unknown }

function initialAppConfig() {
  return {
    me: { showAmr: false },
    shell: { nav: [] as Array<{ key: string, to: string, labelKey: string, icon?: string }>, tenantSwitcher: true },
  }
}

export const nuxt = {
  route: reactive({ path: '/', params: {} as Record<string, string>, query: {} as Record<string, string> }),
  appConfig: reactive(initialAppConfig()),
  loggedIn: ref(true),
  user: ref<Record<string, unknown> | null>({ userName: 'Ana Souza', loggedInAt: 0 }),
  fetchAnswers: new Map<string, FetchAnswer>(),
  fetchCalls: [] as Array<{ url: string, options?: Record<string, unknown> }>,
  states: new Map<string, Ref<unknown>>(),
  /** `public.brand` is the deployment's brand, which useBrand() falls back to. */
  runtimeConfig: {
    public: {
      brand: { productName: 'Dezky', logoUrl: null as string | null },
    },
  },
  navigateTo: vi.fn(),
  login: vi.fn(),
}

export function resetNuxtStubs() {
  Object.assign(nuxt.route, { path: '/', params: {}, query: {} })
  Object.assign(nuxt.appConfig, initialAppConfig())
  nuxt.loggedIn.value = true
  nuxt.user.value = { userName: 'Ana Souza', loggedInAt: 0 }
  nuxt.runtimeConfig.public.brand = { productName: 'Dezky', logoUrl: null }
  nuxt.fetchAnswers.clear()
  nuxt.fetchCalls.length = 0
  nuxt.states.clear()
  nuxt.navigateTo.mockReset()
  nuxt.login.mockReset()
}

const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'pt-BR', name: 'Português (Brasil)' },
]

/** @nuxtjs/i18n's `useI18n` is vue-i18n's plus the configured locales and `setLocale`. */
export function useI18n() {
  const composer = useVueI18n()
  return Object.assign(composer, {
    locales: ref(LOCALES),
    setLocale: async (code: string) => {
      composer.locale.value = code as typeof composer.locale.value
    },
  })
}

export const useAppConfig = () => nuxt.appConfig
export const useRoute = () => nuxt.route
export const useRouter = () => ({ push: nuxt.navigateTo })
export const navigateTo = (to: unknown) => nuxt.navigateTo(to)
export const useOidcAuth = () => ({ loggedIn: nuxt.loggedIn, user: nuxt.user, login: nuxt.login })
export function useHead() {}
export const useRuntimeConfig = () => nuxt.runtimeConfig

export function useState<T>(key: string, init?: () => T): Ref<T> {
  if (!nuxt.states.has(key))
    nuxt.states.set(key, ref(init?.()))
  return nuxt.states.get(key) as Ref<T>
}

/** Answers from `nuxt.fetchAnswers` keyed by URL (without the query). */
export function useFetch(url: string, options?: Record<string, unknown>) {
  nuxt.fetchCalls.push({ url, options })
  const answer = nuxt.fetchAnswers.get(url) ?? {}
  const result = {
    data: ref(answer.data ?? null),
    error: ref(answer.error ?? null),
    status: ref(answer.error ? 'error' : 'success'),
    pending: ref(false),
    refresh: vi.fn(),
  }
  return Object.assign(Promise.resolve(result), result)
}
