import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Unimport from 'unimport/unplugin'
import { defineConfig } from 'vitest/config'

const nuxtStubs = fileURLToPath(new URL('./test/nuxt-stubs.ts', import.meta.url))

// Components are rendered for real (Vue + vue-i18n with the layer's locale files in happy-dom), without
// booting Nuxt: the auto-imports a component relies on are wired here the way Nuxt wires them — Vue's
// API and the layer's own composables — and `useI18n` (vue-i18n plus @nuxtjs/i18n's `locales` and
// `setLocale`) and the few Nuxt runtime composables come from test/nuxt-stubs.ts, which tests steer.
export default defineConfig({
  plugins: [
    vue(),
    Unimport.vite({
      presets: ['vue'],
      dirs: ['./app/composables'],
      imports: [
        ...[
          'useI18n',
          'useAppConfig',
          'useRoute',
          'useRouter',
          'navigateTo',
          'useOidcAuth',
          'useFetch',
          'useRuntimeConfig',
          'useState',
          'useHead',
        ].map(name => ({ name, from: nuxtStubs })),
      ],
      addons: { vueTemplate: true },
    }),
  ],
  test: {
    environment: 'happy-dom',
    include: ['app/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
})
