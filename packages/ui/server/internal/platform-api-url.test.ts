import { describe, expect, it } from 'vitest'
import { buildPlatformApiUrl } from './platform-api-url'

describe('buildPlatformApiUrl', () => {
  it.each([
    [
      'http://localhost:4000',
      '/tenants',
      {},
      'http://localhost:4000/tenants',
    ],
    [
      'http://localhost:4000/',
      '/tenants/acme/members',
      { limit: 50, cursor: undefined },
      'http://localhost:4000/tenants/acme/members?limit=50',
    ],
    [
      'http://api.internal/v1',
      '/users/me',
      { q: 'a b&c' },
      'http://api.internal/v1/users/me?q=a+b%26c',
    ],
  ])('%s + %s', (base, path, query, expected) => {
    expect(buildPlatformApiUrl(base, path, query).href).toBe(expected)
  })

  it.each([
    '\\\\evil.example/x',
    '//evil.example/x',
    'https:evil.example/x',
    'http://evil.example/a',
    'tenants',
    '/../x',
    '/a/./b',
  ])('refuses %s, which would carry the token elsewhere', (path) => {
    expect(() => buildPlatformApiUrl('http://localhost:4000', path)).toThrow(/platform API/)
  })
})
