import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TwinRequestContext } from '../kit/twin-listener'
import type { FieldErrors } from './api-errors'
import type { GroupIncludes } from './serialize'
import type { AuthentikGroup, AuthentikStore } from './store'
import { readJson, sendEmpty, sendJson } from '../kit/json'
import { sendMethodNotAllowed, sendNotFound, sendValidation } from './api-errors'
import { attributesFilter } from './attributes-filter'
import { Fields, objectBody, parseIntPk, parseUuid } from './fields'
import { booleanParam, choicesParam, includeFlag, order, paginate, search } from './list-query'
import { groupJson } from './serialize'

function includes(query: URLSearchParams): GroupIncludes {
  return {
    users: includeFlag(query, 'include_users', true),
    parents: includeFlag(query, 'include_parents', false),
    children: includeFlag(query, 'include_children', false),
    inheritedRoles: includeFlag(query, 'include_inherited_roles', false),
  }
}

/** GroupSerializer's validation; `current` is the group being updated. */
function readGroup(store: AuthentikStore, body: Record<string, unknown>, partial: boolean, current?: AuthentikGroup) {
  const fields = new Fields(body, partial)
  const name = fields.string('name', { required: true })
  if (name !== undefined && store.groups().some(group => group.name === name && group !== current))
    fields.errors.name = ['This field must be unique.']
  const isSuperuser = fields.boolean('is_superuser')
  const parents = fields.pks('parents', parseUuid, uuid => Boolean(store.group(uuid)))
  if (current && parents?.includes(current.uuid))
    fields.errors.parents = ['Cannot set group as parent of itself.']
  // `users` defaults to an empty list, so a PUT without it empties the group, as upstream.
  const users = fields.pks('users', parseIntPk, pk => Boolean(store.user(pk))) ?? (partial
    ? undefined
    : [])
  const attributes = fields.dict('attributes')
  fields.pks('roles', parseUuid, () => false)
  return {
    fields,
    changes: {
      name,
      isSuperuser,
      parents,
      attributes,
    },
    users,
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

function list(store: AuthentikStore, query: URLSearchParams, res: ServerResponse) {
  const errors: FieldErrors = {}
  const name = query.get('name')
  const superuser = booleanParam(query, 'is_superuser')
  const byUsername = choicesParam(query, 'members_by_username', value => Boolean(store.userByUsername(value)), errors)
  const byPk = choicesParam(query, 'members_by_pk', value => Boolean(store.user(Number(value))), errors)
  const attributes = attributesFilter(query.get('attributes'), errors)
  if (Object.keys(errors).length)
    return sendValidation(res, errors)
  let groups = store.groups().filter(group => (name === null || group.name === name)
    && (superuser === undefined || group.isSuperuser === superuser)
    && (!attributes || attributes(group.attributes))
    && (!byUsername.length || byUsername.some(username => group.users.has(store.userByUsername(username)!.pk)))
    && (!byPk.length || byPk.some(pk => group.users.has(Number(pk)))))
  groups = search(groups, query.get('search'), [
    group => group.name,
  ])
  groups = order(groups, query.get('ordering'), {
    name: group => group.name,
    is_superuser: group => group.isSuperuser,
  }, 'name')
  const page = paginate(groups, query)
  const include = includes(query)
  sendJson(res, 200, {
    ...page,
    results: page.results.map(group => groupJson(store, group, include)),
  })
}

/** `/api/v3/core/groups/…`: `path` is what follows `groups/`, split on `/` without the trailing slash. */
export async function handleGroups(store: AuthentikStore, req: IncomingMessage, res: ServerResponse, ctx: TwinRequestContext, path: string[]) {
  const method = req.method ?? 'GET'
  const [id, action, ...rest] = path
  if (id === undefined) {
    if (method === 'GET')
      return list(store, ctx.url.searchParams, res)
    if (method !== 'POST')
      return sendMethodNotAllowed(res, method)
    const parsed = objectBody(await readJson(req))
    if ('errors' in parsed)
      return sendValidation(res, parsed.errors)
    const { fields, changes, users } = readGroup(store, parsed.body, false)
    if (!fields.ok())
      return sendValidation(res, fields.errors)
    const group = store.createGroup(defined({ ...changes, name: changes.name! }) as { name: string }, users)
    ctx.countWrite('group.create')
    return sendJson(res, 201, groupJson(store, group, includes(ctx.url.searchParams)))
  }
  const group = parseUuid(id) && store.group(id)
  if (rest.length || (action !== undefined && action !== 'add_user' && action !== 'remove_user'))
    return sendNotFound(res)
  if (!group)
    return sendNotFound(res, 'Group')
  if (action !== undefined) {
    if (method !== 'POST')
      return sendMethodNotAllowed(res, method)
    const parsed = objectBody(await readJson(req))
    if ('errors' in parsed)
      return sendValidation(res, parsed.errors)
    const pk = parseIntPk(parsed.body.pk)
    if (pk === undefined) {
      return sendValidation(res, {
        pk: [
          parsed.body.pk === undefined
            ? 'This field is required.'
            : 'A valid integer is required.',
        ],
      })
    }
    if (!store.user(pk))
      return sendNotFound(res)
    if (action === 'add_user')
      group.users.add(pk)
    else
      group.users.delete(pk)
    ctx.countWrite(`group.${action}`)
    return sendEmpty(res, 204)
  }
  if (method === 'GET')
    return sendJson(res, 200, groupJson(store, group, includes(ctx.url.searchParams)))
  if (method === 'DELETE') {
    store.deleteGroup(group.uuid)
    ctx.countWrite('group.delete')
    return sendEmpty(res, 204)
  }
  if (method !== 'PUT' && method !== 'PATCH')
    return sendMethodNotAllowed(res, method)
  const parsed = objectBody(await readJson(req))
  if ('errors' in parsed)
    return sendValidation(res, parsed.errors)
  const { fields, changes, users } = readGroup(store, parsed.body, method === 'PATCH', group)
  if (!fields.ok())
    return sendValidation(res, fields.errors)
  store.updateGroup(group.uuid, {
    ...defined(changes),
    ...(users
      ? {
          users: new Set(users),
        }
      : {}),
  })
  ctx.countWrite('group.update')
  sendJson(res, 200, groupJson(store, group, includes(ctx.url.searchParams)))
}
