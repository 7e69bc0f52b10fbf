import { config } from '@vue/test-utils'
import { beforeEach } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../i18n/locales/en.json'
import ptBR from '../i18n/locales/pt-BR.json'
import NuxtLink from './nuxt-link-stub.vue'
import { resetNuxtStubs } from './nuxt-stubs'

// Every component of the layer is registered globally, as Nuxt's component auto-import does: a
// component's name is its file name (the files already carry their folder as prefix).
const components = import.meta.glob<{ default: object }>('../app/components/**/*.vue', { eager: true })
config.global.components = {
  NuxtLink,
  ...Object.fromEntries(Object.entries(components).map(([path, module]) => [
    path.split('/').pop()!.replace(/\.vue$/, ''),
    module.default,
  ])),
}

/** The real locale files: a missing or misspelt key shows up as the raw key in a test's assertion. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  missingWarn: false,
  fallbackWarn: false,
  messages: { 'en': en, 'pt-BR': ptBR },
})
config.global.plugins = [i18n]

beforeEach(() => {
  resetNuxtStubs()
  i18n.global.locale.value = 'en'
})
