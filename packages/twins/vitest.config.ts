import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file starts real HTTP servers; RSA key generation makes the first request slow on 2 cores.
    testTimeout: 20_000,
  },
})
