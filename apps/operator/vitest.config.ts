import { defineConfig } from 'vitest/config'

// Unit tests of the console's pure helpers (plain Node, no Nuxt); the browser tests in e2e/ run under
// Playwright.
export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'server/**/*.test.ts'],
  },
})
