/**
 * A stand-in for the browser's EventSource with the parts the tab's shared streams use: listeners by
 * type, readyState and close. Unit tests of stream code (the layer's, the portal's flag stream) steer it;
 * the browser tests run the real one against the BFF.
 */
export class FakeEventSource {
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
    if (type === 'open')
      this.readyState = 1
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data })
  }

  /** The browser gave up: a reconnect was refused (401, 5xx). */
  refuse() {
    this.readyState = FakeEventSource.CLOSED
    this.emit('error')
  }
}
