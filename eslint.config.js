import antfu from '@antfu/eslint-config'

export default antfu({
  typescript: true,
  vue: true,
  ignores: [
    '**/drizzle/**',
    '**/.output/**',
    '**/.nuxt/**',
    '**/.data/**',
    '**/test-results/**',
    '**/playwright-report/**',
    'docs/**/*.md',
  ],
}, {
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    'node/prefer-global/buffer': 'off',
    // Workspace settings are chosen for this registry mirror (see ENVIRONMENT notes), not by a lint rule.
    'pnpm/yaml-enforce-settings': 'off',
    // The Nuxt apps pin h3 v1 in a named catalog on purpose while the API uses h3 v2.
    'pnpm/yaml-no-duplicate-catalog-item': 'off',
  },
})
