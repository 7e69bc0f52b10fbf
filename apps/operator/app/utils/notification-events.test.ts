import type { TNotification } from './notification-events'
import { describe, expect, it } from 'vitest'
import { addNotification, countUnread, markRead, NOTIFICATIONS_KEPT, toNotification } from './notification-events'

function failure(attempts: number, tenantSlug = 'acme') {
  return toNotification('provisioning.failed', JSON.stringify({
    tenantSlug,
    step: 'files',
    attempts,
    error: 'OCIS answered 503',
    retrying: true,
    at: '2026-11-22T08:00:00.000Z',
  }))!
}

describe('toNotification', () => {
  it('reads a failed provisioning attempt, linked to the tenant\'s Provisioning tab', () => {
    expect(failure(2)).toMatchObject({
      type: 'provisioning.failed',
      id: 'provisioning:acme:files:2',
      at: '2026-11-22T08:00:00.000Z',
      read: false,
      failure: true,
      to: '/tenants/acme/provisioning',
      data: { tenantSlug: 'acme', step: 'files', attempts: 2 },
    })
  })

  it('reads a probe going down or coming back, linked to its Infrastructure page', () => {
    const down = toNotification('probe.changed', JSON.stringify({
      name: 'ocis',
      status: 'failed',
      error: 'connect ECONNREFUSED',
      checkedAt: '2026-11-22T08:01:00.000Z',
    }))
    const up = toNotification('probe.changed', JSON.stringify({
      name: 'ocis',
      status: 'ok',
      error: null,
      checkedAt: '2026-11-22T08:02:00.000Z',
    }))
    expect(down).toMatchObject({ failure: true, to: '/infrastructure/ocis', at: '2026-11-22T08:01:00.000Z' })
    expect(up).toMatchObject({ failure: false, to: '/infrastructure/ocis' })
    expect(up!.id).not.toBe(down!.id)
  })

  it.each([
    ['tenant.created', '{}'],
    ['probe.changed', 'not json'],
    [
      'probe.changed',
      JSON.stringify({
        name: 'mainframe',
        status: 'failed',
        error: null,
        checkedAt: '2026-11-22T08:01:00.000Z',
      }),
    ],
    [
      'provisioning.failed',
      JSON.stringify({ tenantSlug: 'acme', step: 'files' }),
    ],
  ])('skips %s %s', (type, raw) => {
    expect(toNotification(type, raw)).toBeNull()
  })
})

describe('the notification list', () => {
  it('puts the newest first and keeps a repeated event once', () => {
    let list: TNotification[] = []
    list = addNotification(list, failure(1))
    list = addNotification(list, failure(2))
    list = addNotification(list, failure(2))
    expect(list.map(item => item.id)).toEqual(['provisioning:acme:files:2', 'provisioning:acme:files:1'])
  })

  it(`keeps the last ${NOTIFICATIONS_KEPT}`, () => {
    let list: TNotification[] = []
    for (let attempts = 1; attempts <= NOTIFICATIONS_KEPT + 7; attempts++)
      list = addNotification(list, failure(attempts))
    expect(list).toHaveLength(NOTIFICATIONS_KEPT)
    expect(list[0]!.id).toBe(`provisioning:acme:files:${NOTIFICATIONS_KEPT + 7}`)
    expect(list.at(-1)!.id).toBe('provisioning:acme:files:8')
  })

  it('marks one or all read and counts the rest', () => {
    let list = [
      failure(1, 'acme'),
      failure(1, 'boreal'),
      failure(1, 'initech'),
    ]
    expect(countUnread(list)).toBe(3)
    list = markRead(list, 'provisioning:boreal:files:1')
    expect(countUnread(list)).toBe(2)
    expect(list.find(item => item.id === 'provisioning:boreal:files:1')?.read).toBe(true)
    list = markRead(list)
    expect(countUnread(list)).toBe(0)
  })

  it('leaves the list it was given alone', () => {
    const list = [
      failure(1),
    ]
    markRead(list)
    addNotification(list, failure(2))
    expect(list).toHaveLength(1)
    expect(list[0]!.read).toBe(false)
  })
})
