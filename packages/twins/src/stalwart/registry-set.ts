import type { RegistryKind } from './registry-kinds'
import type { SetContext } from './registry-methods'
import type { StalwartStore } from './store'
import type { JsonObject, SetError } from './types'
import { MethodError, notFound } from './errors'
import { linkedObjects } from './registry-kinds'
import { idList, MAX_OBJECTS } from './registry-methods'
import { isObject } from './types'

function mapArg(value: unknown, name: string): JsonObject {
  if (value === undefined || value === null)
    return {}
  if (!isObject(value))
    throw new MethodError('invalidArguments', `"${name}" must be an object`)
  return value
}

export function registrySet(store: StalwartStore, kind: RegistryKind, args: JsonObject, ctx: SetContext): JsonObject {
  const create = mapArg(args.create, 'create')
  const update = mapArg(args.update, 'update')
  const destroy = idList(args.destroy, 'destroy') ?? []
  if (Object.keys(create).length + Object.keys(update).length + destroy.length > MAX_OBJECTS)
    throw new MethodError('requestTooLarge')
  const oldState = store.state(kind.type)
  const type = kind.type.toLowerCase()
  const created: JsonObject = {}
  const notCreated: Record<string, SetError> = {}
  const updated: JsonObject = {}
  const notUpdated: Record<string, SetError> = {}
  const destroyed: string[] = []
  const notDestroyed: Record<string, SetError> = {}
  const resolve = (reference: string) => ctx.createdIds.get(reference)
  for (const [clientId, value] of Object.entries(create)) {
    const outcome = isObject(value)
      ? kind.create(value, resolve)
      : {
          error: { type: 'invalidProperties', description: 'Expected an object' },
        }
    const error = 'error' in outcome
      ? outcome.error
      : kind.constraints(outcome.ok)
    if (error || !('ok' in outcome)) {
      notCreated[clientId] = error!
      continue
    }
    const stored = store.insert(kind.type, outcome.ok)
    ctx.createdIds.set(clientId, stored.id)
    ctx.countWrite(`${type}.create`)
    created[clientId] = { id: stored.id }
    ctx.afterWrite(kind, undefined, stored)
  }
  for (const [id, patch] of Object.entries(update)) {
    const existing = store.get(kind.type, id)
    if (destroy.includes(id)) {
      notUpdated[id] = { type: 'willDestroy', description: 'ID will be destroyed.' }
      continue
    }
    if (!existing || !isObject(patch)) {
      notUpdated[id] = existing
        ? { type: 'invalidPatch', description: 'Expected an object' }
        : notFound()
      continue
    }
    const outcome = kind.update(existing, patch, resolve)
    const error = 'error' in outcome
      ? outcome.error
      : kind.constraints(outcome.ok, id)
    if (error || !('ok' in outcome)) {
      notUpdated[id] = error!
      continue
    }
    store.replace(kind.type, { ...outcome.ok, id })
    ctx.countWrite(`${type}.update`)
    updated[id] = null
    ctx.afterWrite(kind, existing, { ...outcome.ok, id })
  }
  for (const id of destroy) {
    const linked = linkedObjects(store, kind.type, id)
    if (!store.get(kind.type, id)) {
      notDestroyed[id] = notFound()
    }
    else if (linked.length > 0) {
      notDestroyed[id] = {
        type: 'objectIsLinked',
        objectId: { object: kind.type, id },
        linkedObjects: linked,
      }
    }
    else {
      store.remove(kind.type, id)
      ctx.countWrite(`${type}.destroy`)
      destroyed.push(id)
    }
  }
  // Stalwart leaves empty maps out of the response (skip_serializing_if in jmap-proto/src/method/set.rs).
  const present = (entries: JsonObject | unknown[]) => Object.keys(entries).length > 0
    ? entries
    : undefined
  return {
    accountId: args.accountId,
    oldState,
    newState: store.state(kind.type),
    created: present(created),
    updated: present(updated),
    destroyed: present(destroyed),
    notCreated: present(notCreated),
    notUpdated: present(notUpdated),
    notDestroyed: present(notDestroyed),
  }
}
