import type { AuthentikApplication } from './applications'
import type { AuthentikStore } from './store'

/**
 * The groups a user counts as a member of for a policy binding: Authentik's `User.all_groups()`, the
 * groups they are in and every ancestor of those (a member of a child group is a member of its parents).
 */
function memberOf(store: AuthentikStore, pk: number): Set<string> {
  const found = new Set<string>()
  const queue = store.groupsOf(pk).map(group => group.uuid)
  while (queue.length) {
    const uuid = queue.pop()!
    if (found.has(uuid))
      continue
    found.add(uuid)
    queue.push(...(store.group(uuid)?.parents ?? []))
  }
  return found
}

/**
 * Whether Authentik's PolicyEngine lets the user (by pk; `undefined` is the API token's own account,
 * which is in no group) open the application: an application without bindings is open to everyone;
 * otherwise its group bindings are evaluated under its `policy_engine_mode`, `any` passing when one of
 * them matches, `all` when every one does. A binding to a group that does not exist matches nobody.
 *
 * @example
 * applications.list().filter(app => mayOpen(store, app, user.pk))
 */
export function mayOpen(store: AuthentikStore, application: AuthentikApplication, pk: number | undefined): boolean {
  const bound = application.boundGroups ?? []
  if (!bound.length)
    return true
  const groups = pk === undefined
    ? new Set<string>()
    : memberOf(store, pk)
  const matches = bound.map(name => store.groupByName(name)).map(group => Boolean(group && groups.has(group.uuid)))
  return application.policyEngineMode === 'all'
    ? matches.every(Boolean)
    : matches.some(Boolean)
}
