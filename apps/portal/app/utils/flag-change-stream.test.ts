import { createSharedEventSources, STREAM_BACKOFF_MS as FLAG_STREAM_BACKOFF_MS } from '@dezky/ui/app/utils/shared-event-source'
import { FakeEventSource } from '@dezky/ui/test/fake-event-source'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFlagChangeStream } from './flag-change-stream'

function stream() {
  FakeEventSource.opened = []
  const changes: (string[] | null)[] = []
  const flags = createFlagChangeStream({
    url: '/api/flags/events',
    onChange: keys => changes.push(keys),
    sources: createSharedEventSources({
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      jitter: () => 1,
    }),
  })
  return { flags, changes }
}

describe('flag change stream', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens one EventSource however often it is started', () => {
    const { flags } = stream()
    flags.start()
    flags.start()
    expect(FakeEventSource.opened.map(source => source.url)).toEqual(['/api/flags/events'])
  })

  it('reports the changed keys of each flags.changed, and an unknown change on each (re)connection', () => {
    const { flags, changes } = stream()
    flags.start()
    const source = FakeEventSource.opened[0]!
    source.emit('open')
    source.emit('flags.changed', JSON.stringify({
      version: '7',
      keys: ['portal.setup-checklist'],
    }))
    source.emit('flags.changed', 'not json')
    source.emit('open')
    expect(changes).toEqual([
      null,
      ['portal.setup-checklist'],
      null,
      null,
    ])
  })

  it('starts over after a refused reconnect, backing off, and resets the pause once connected', () => {
    const { flags } = stream()
    flags.start()
    FakeEventSource.opened[0]!.refuse()
    vi.advanceTimersByTime(FLAG_STREAM_BACKOFF_MS[0] - 1)
    expect(FakeEventSource.opened).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.opened).toHaveLength(2)

    FakeEventSource.opened[1]!.refuse()
    vi.advanceTimersByTime(FLAG_STREAM_BACKOFF_MS[1])
    expect(FakeEventSource.opened).toHaveLength(3)

    FakeEventSource.opened[2]!.emit('open')
    FakeEventSource.opened[2]!.refuse()
    vi.advanceTimersByTime(FLAG_STREAM_BACKOFF_MS[0])
    expect(FakeEventSource.opened).toHaveLength(4)
  })

  it('leaves a dropped stream to the browser\'s own reconnect', () => {
    const { flags } = stream()
    flags.start()
    FakeEventSource.opened[0]!.emit('open')
    FakeEventSource.opened[0]!.emit('error')
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.opened).toHaveLength(1)
  })

  it('stops for good: no reconnect is pending after stop', () => {
    const { flags } = stream()
    flags.start()
    FakeEventSource.opened[0]!.refuse()
    flags.stop()
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.opened).toHaveLength(1)
  })
})
