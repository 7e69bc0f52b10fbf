import type { StalwartStore } from './store'
import type { JsonObject, StoredObject } from './types'
import { createDkimSignature } from './dkim-keys'

export interface DkimScheduler {
  /** Called after a domain write: switching to (or creating with) automatic DKIM queues key generation. */
  afterDomainWrite: (before: StoredObject | undefined, after: StoredObject) => void
  /** Resolves once no key generation is queued or running. */
  settled: () => Promise<void>
  stop: () => void
}

function isAutomatic(domain: StoredObject | undefined): boolean {
  return (domain?.dkimManagement as JsonObject | undefined)?.['@type'] === 'Automatic'
}

/**
 * The DKIM management task (services/src/task_manager/dkim.rs) reduced to its first run: it is queued
 * when a domain is created with, or switched to, automatic DKIM (`will_trigger_dkim` in
 * jmap/src/registry/mapping/domain.rs), runs in the background, and stores one active signature per
 * configured algorithm that has none. `delayMs` stands in for the task queue and key generation time.
 */
export function createDkimScheduler(store: StalwartStore, delayMs: number): DkimScheduler {
  const running = new Set<Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()

  async function generate(domainId: string) {
    const domain = store.get('Domain', domainId)
    if (!domain || !isAutomatic(domain))
      return
    const settings = domain.dkimManagement as JsonObject
    const present = new Set(store.list('DkimSignature')
      .filter(s => s.domainId === domainId && s.stage === 'active')
      .map(s => s['@type']))
    for (const algorithm of Object.keys(settings.algorithms as JsonObject)) {
      if (present.has(algorithm))
        continue
      const signature = await createDkimSignature(algorithm, domainId, settings.selectorTemplate as string, domain.memberTenantId)
      // The domain may have gone while the key was generated; the task then finds nothing to sign for.
      if (store.get('Domain', domainId))
        store.insert('DkimSignature', signature)
    }
  }

  return {
    afterDomainWrite(before, after) {
      if (!isAutomatic(after) || isAutomatic(before))
        return
      let release!: () => void
      const done = new Promise<void>(resolve => (release = resolve))
      running.add(done)
      const timer = setTimeout(() => {
        timers.delete(timer)
        generate(after.id).catch(() => {}).finally(() => {
          running.delete(done)
          release()
        })
      }, delayMs)
      timers.add(timer)
    },
    async settled() {
      while (running.size > 0)
        await Promise.all(running)
    },
    stop() {
      timers.forEach(clearTimeout)
      timers.clear()
      running.clear()
    },
  }
}
