import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    // initdb of a fresh embedded Postgres plus RSA key generation take a while on two cores.
    hookTimeout: 90_000,
  },
})
