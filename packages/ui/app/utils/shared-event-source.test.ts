import { describe, expect, it, vi } from 'vitest'
import { createSharedEventSources } from './shared-event-source'

/**
 * A stand-in for the browser's EventSource with the parts the sharing uses: listeners by type, readyState
 * and close. The browser tests (e2e) run the real one against the BFF.
 */
class FakeEventSource {
  static readonly CLOSED = 2
  static opened: FakeEventSource[] = []
  readyState = 0
  closed = false
  listeners = new Map<string, ((event: unknown) => void)[]>()
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }

  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [
      ...this.listeners.get(type) ?? [],
      listener,
    ])
  }

  close() {
    this.closed = true
    this.readyState = FakeEventSource.CLOSED
  }

  emit(type: string, data?: string) {
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data })
  }
}

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
