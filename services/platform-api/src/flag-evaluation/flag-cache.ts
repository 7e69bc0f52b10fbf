import type { TFlagsChangedEvent } from '@dezky/contracts'
import type { CompiledFlagSet } from '@dezky/flags'
import type { Logger } from 'pino'
import type { Database } from '../db/client'
import type { ChannelListener } from '../provisioning/listen-channel'
import type { FlagSetSnapshot } from './load-flag-set'
import { compileFlagSet } from '@dezky/flags'
import { eq } from 'drizzle-orm'
import { flagSetVersion } from '../db/schema'
import { FLAGS_CHANNEL } from '../flags/notify-flags-changed'
import { listenChannel } from '../provisioning/listen-channel'
import { loadFlagSet } from './load-flag-set'

export interface CachedFlagSet {
  version: number
  set: CompiledFlagSet
  names: FlagSetSnapshot['names']
}

export type FlagChangeListener = (event: TFlagsChangedEvent) => void

export interface FlagCache {
  readonly environment: string
  /** The compiled flags of this process's environment; loads them on first use. */
  current: () => Promise<CachedFlagSet>
  /**
   * Starts the cache and resolves once its LISTEN connection is up (true), so a change committed after
   * that is seen within milliseconds; false when that attempt failed, and the version poll covers.
   */
  listening: () => Promise<boolean>
  /** Hears every change committed by any process (for `GET /flags/events`). */
  subscribe: (listener: FlagChangeListener) => () => void
  close: () => Promise<void>
}

export interface FlagCacheOptions {
  db: Database
  logger: Logger
  environment: string
  /**
   * How often the version row is read as well, for changes whose NOTIFY was missed (the LISTEN connection
   * dropped). With NOTIFY a change is seen within milliseconds; without it, within this interval plus a
   * reload: the documented staleness bound is 1 s (docs/flags.md).
   */
  pollMs?: number
}

/**
 * One process's compiled flag set. Every change commits a version bump and a NOTIFY on `dezky_flags`
 * (flags/notify-flags-changed.ts); the cache reloads on the notification, and a poll of the version row
 * catches what a dropped LISTEN connection missed. Reloads are single-flight: a burst of changes makes at
 * most one reload running and one queued. Until the first reload completes the previous set is served.
 */
export function createFlagCache(options: FlagCacheOptions): FlagCache {
  const { db, logger, environment } = options
  const listeners = new Set<FlagChangeListener>()
  let cached: CachedFlagSet | undefined
  let loading: Promise<CachedFlagSet> | undefined
  let queued = false
  let started = false
  let listener: ChannelListener | undefined
  let poll: NodeJS.Timeout | undefined

  async function load(): Promise<CachedFlagSet> {
    const snapshot = await loadFlagSet(db, environment)
    const next = {
      version: snapshot.version,
      set: compileFlagSet(snapshot.definitions, snapshot.segments, environment),
      names: snapshot.names,
    }
    // A slower, older load never replaces a newer one.
    if (!cached || next.version >= cached.version)
      cached = next
    return cached
  }

  function reload(): Promise<CachedFlagSet> {
    if (loading) {
      queued = true
      return loading
    }
    loading = load().finally(() => {
      loading = undefined
      if (queued) {
        queued = false
        void reload().catch(error => logger.warn({ err: (error as Error).message }, 'flag set reload failed'))
      }
    })
    return loading
  }

  function announce(event: TFlagsChangedEvent) {
    for (const listen of listeners)
      listen(event)
  }

  function onNotification(payload: string) {
    let event: TFlagsChangedEvent
    try {
      const parsed = JSON.parse(payload) as { version: number, keys: string[] }
      event = {
        version: String(parsed.version),
        keys: parsed.keys,
      }
    }
    catch {
      return
    }
    if (cached && Number(event.version) <= cached.version)
      return
    reloadUntil(Number(event.version)).then(() => announce(event), error => logger.warn({ err: (error as Error).message }, 'flag set reload failed'))
  }

  /**
   * Reloads until the set holds `version`: a NOTIFY that arrives while a load is running joins that load,
   * which may have read before the change committed; announcing then would send clients to re-evaluate
   * against the old set, and nothing would tell them again.
   */
  async function reloadUntil(version: number) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const held = await reload()
      if (held.version >= version)
        return
    }
  }

  async function checkVersion() {
    if (!cached || loading)
      return
    const [row] = await db.select({ version: flagSetVersion.version }).from(flagSetVersion).where(eq(flagSetVersion.id, 1))
    const version = Number(row?.version ?? 0)
    if (version > cached.version) {
      await reload()
      announce({
        version: String(version),
        keys: [],
      })
    }
  }

  function start() {
    if (started)
      return
    started = true
    listener = listenChannel({
      pool: db.$client,
      channel: FLAGS_CHANNEL,
      onNotification,
      logger,
      retryMs: 1000,
    })
    poll = setInterval(() => {
      checkVersion().catch(error => logger.warn({ err: (error as Error).message }, 'flag set version check failed'))
    }, options.pollMs ?? 500)
    poll.unref()
  }

  return {
    environment,
    async current() {
      start()
      return cached ?? reload()
    },
    async listening() {
      start()
      return listener!.listening()
    },
    subscribe(listen) {
      start()
      listeners.add(listen)
      return () => listeners.delete(listen)
    },
    async close() {
      clearInterval(poll)
      await listener?.close()
      await loading?.catch(() => {})
    },
  }
}
