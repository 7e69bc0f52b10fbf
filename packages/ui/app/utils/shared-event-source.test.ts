import { describe, expect, it, vi } from 'vitest'
import { FakeEventSource } from '../../test/fake-event-source'
import { createSharedEventSources } from './shared-event-source'

function sources() {
  FakeEventSource.opened = []
  return createSharedEventSources({
    EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    jitter: () => 1,
  })
}

describe('shared event sources', () => {
  it('opens one stream per URL for every subscriber and every event type', () => {
    const shared = sources()
    const a: string[] = []
    const b: string[] = []
    shared.subscribe('/api/events', 'probe.changed', data => a.push(data))
    shared.subscribe('/api/events', 'provisioning.failed', data => b.push(data))
    shared.subscribe('/api/events', 'probe.changed', data => b.push(`second:${data}`))
    expect(FakeEventSource.opened).toHaveLength(1)
    FakeEventSource.opened[0]!.emit('probe.changed', 'ocis')
    FakeEventSource.opened[0]!.emit('provisioning.failed', 'acme')
    expect(a).toEqual(['ocis'])
    expect(b).toEqual(['second:ocis', 'acme'])
  })

  it('closes the stream with its last subscriber and opens a new one for the next', () => {
    const shared = sources()
    const stopA = shared.subscribe('/api/events', 'probe.changed', () => {})
    const stopLive = shared.watchStatus('/api/events', () => {})
    stopA()
    expect(FakeEventSource.opened[0]!.closed).toBe(false)
    stopLive()
    expect(FakeEventSource.opened[0]!.closed).toBe(true)
    shared.subscribe('/api/events', 'probe.changed', () => {})
    expect(FakeEventSource.opened).toHaveLength(2)
  })

  it('reports live on open, not live on error, and starts over with backoff once the browser gave up', () => {
    vi.useFakeTimers()
    try {
      const shared = sources()
      const states: boolean[] = []
      shared.watchStatus('/api/events', live => states.push(live))
      const first = FakeEventSource.opened[0]!
      first.emit('open')
      first.readyState = FakeEventSource.CLOSED
      first.emit('error')
      expect(states).toEqual([false, true, false])
      vi.advanceTimersByTime(999)
      expect(FakeEventSource.opened).toHaveLength(1)
      vi.advanceTimersByTime(1)
      expect(FakeEventSource.opened).toHaveLength(2)
      // A second refusal waits longer (2 s).
      FakeEventSource.opened[1]!.readyState = FakeEventSource.CLOSED
      FakeEventSource.opened[1]!.emit('error')
      vi.advanceTimersByTime(1_999)
      expect(FakeEventSource.opened).toHaveLength(2)
      vi.advanceTimersByTime(1)
      expect(FakeEventSource.opened).toHaveLength(3)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('does not reconnect a stream nobody listens to any more', () => {
    vi.useFakeTimers()
    try {
      const shared = sources()
      const stop = shared.watchStatus('/api/events', () => {})
      FakeEventSource.opened[0]!.readyState = FakeEventSource.CLOSED
      FakeEventSource.opened[0]!.emit('error')
      stop()
      vi.advanceTimersByTime(60_000)
      expect(FakeEventSource.opened).toHaveLength(1)
    }
    finally {
      vi.useRealTimers()
    }
  })
})
