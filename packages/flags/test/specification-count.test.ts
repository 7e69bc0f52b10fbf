import { describe, expect, it } from 'vitest'
import { KNOWN_FAILURES } from './known-failures'
import { loadSpecification } from './load-specification'

// Guards the specification suite against silently running nothing (a moved folder, a renamed field).
describe('the specification suite', () => {
  const checks = loadSpecification()

  it('runs every evaluation check of @unleash/client-specification 6.1.0 (files 01–18, 21, 22)', () => {
    expect(checks).toHaveLength(275)
    expect(checks.filter(check => check.kind === 'isEnabled')).toHaveLength(223)
    expect(checks.filter(check => check.kind === 'getVariant')).toHaveLength(52)
  })

  it('covers 20 files, none of them the delta-API ones', () => {
    const files = new Set(checks.map(check => check.file))
    expect(files.size).toBe(20)
    expect([...files].some(file => file.includes('delta-api'))).toBe(false)
  })

  it('gives every check a unique id (known failures are listed by id)', () => {
    expect(new Set(checks.map(check => check.id)).size).toBe(checks.length)
  })

  it('lists as known failures only checks that exist', () => {
    const ids = new Set(checks.map(check => check.id))
    expect([
      ...KNOWN_FAILURES.keys(),
    ].filter(id => !ids.has(id))).toEqual([])
  })
})
