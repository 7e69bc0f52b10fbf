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
  },
})
