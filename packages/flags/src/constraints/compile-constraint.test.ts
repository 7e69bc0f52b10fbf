import type { UnleashConstraint, UnleashContext } from '../types'
import { describe, expect, it } from 'vitest'
import { compileConstraint } from './compile-constraint'

const check = (constraint: UnleashConstraint, context: UnleashContext) => compileConstraint(constraint)(context)

// Cases beyond @unleash/client-specification (which the spec suite covers operator by operator).
describe('compileConstraint', () => {
  it('never matches an unknown operator, inverted or not', () => {
    expect(check({
      contextName: 'plan',
      operator: 'LIKE',
      values: ['x'],
    }, {
      properties: { plan: 'x' },
    })).toBe(false)
    expect(check({
      contextName: 'plan',
      operator: 'LIKE',
      values: ['x'],
      inverted: true,
    }, {
      properties: { plan: 'x' },
    })).toBe(false)
  })

  it('orders semver pre-releases as semver 2.0 does', () => {
    const lt = (value: string, version: string) => check({ contextName: 'version', operator: 'SEMVER_LT', value }, {
      properties: { version },
    })
    expect(lt('1.0.0', '1.0.0-rc.1')).toBe(true)
    expect(lt('1.0.0-rc.10', '1.0.0-rc.2')).toBe(true)
    expect(lt('1.0.0-beta', '1.0.0-alpha.1')).toBe(true)
    expect(lt('1.0.0-rc.2', '1.0.0-rc.10')).toBe(false)
    expect(lt('2.0.0', 'v1.0.0')).toBe(false)
    expect(lt('not-a-version', '1.0.0')).toBe(false)
  })

  it('matches IPv4 and IPv6 ranges, never across families, skipping invalid entries', () => {
    const inCidr = (remoteAddress: string, ...values: string[]) => check({ contextName: 'remoteAddress', operator: 'IN_CIDR', values }, { remoteAddress })
    expect(inCidr('10.1.2.3', '10.0.0.0/8')).toBe(true)
    expect(inCidr('11.1.2.3', '10.0.0.0/8')).toBe(false)
    expect(inCidr('10.1.2.3', '10.0.0.0/33', '::/0')).toBe(false)
    expect(inCidr('2001:db8::5', 'nonsense', '2001:db8::/64')).toBe(true)
    expect(inCidr('::ffff:10.1.2.3', '10.0.0.0/8')).toBe(false)
    expect(inCidr('10.1', '10.0.0.0/8')).toBe(false)
  })

  it('uses RE2: linear time, no back-references, and a bad pattern never matches', () => {
    const regex = (value: string, userId: string) => check({ contextName: 'userId', operator: 'REGEX', value }, { userId })
    expect(regex('^(a+)+$', `${'a'.repeat(5000)}b`)).toBe(false)
    expect(regex('(a)\\1', 'aa')).toBe(false)
    expect(regex('[', 'x')).toBe(false)
  })

  it('compares dates to the context\'s currentTime, or now', () => {
    expect(check({ contextName: 'currentTime', operator: 'DATE_BEFORE', value: '2999-01-01T00:00:00Z' }, {})).toBe(true)
    expect(check({ contextName: 'currentTime', operator: 'DATE_AFTER', value: 'not a date' }, {})).toBe(false)
    expect(check({ contextName: 'currentTime', operator: 'DATE_AFTER', value: '2020-01-01T00:00:00Z' }, {
      currentTime: new Date('2021-01-01T00:00:00Z'),
    })).toBe(true)
  })
})
