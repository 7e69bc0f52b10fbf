import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TwinRequestContext } from '../kit/twin-listener'
import type { FieldErrors } from './api-errors'
import type { UserIncludes } from './serialize'
import type { AuthentikStore, AuthentikUser } from './store'
import { readJson, sendEmpty, sendJson } from '../kit/json'
import { sendMethodNotAllowed, sendNotFound, sendValidation } from './api-errors'
import { attributesFilter } from './attributes-filter'
import { objectBody, parseIntPk } from './fields'
import { booleanParam, choicesParam, includeFlag, order, paginate, search } from './list-query'
import { userJson } from './serialize'
import { readUser, setUserGroups } from './user-input'

export interface UserRoutesOptions {
  /** Hands out a recovery link for the user (see recovery-flow.ts); undefined when the brand has no recovery flow. */
  recoveryLink: (pk: number) => string | undefined
}

function includes(query: URLSearchParams): UserIncludes {
  return {
    groups: includeFlag(query, 'include_groups', true),
    roles: includeFlag(query, 'include_roles', true),
  }
}

function list(store: AuthentikStore, query: URLSearchParams, res: ServerResponse) {
  const errors: FieldErrors = {}
  const byGroupName = choicesParam(query, 'groups_by_name', name => Boolean(store.groupByName(name)), errors)
  const byGroupPk = choicesParam(query, 'groups_by_pk', uuid => Boolean(store.group(uuid)), errors)
  const attributes = attributesFilter(query.get('attributes'), errors)
  if (Object.keys(errors).length)
    return sendValidation(res, errors)
  const exact: [string, (user: AuthentikUser) => string][] = [
    [
      'username',
      user => user.username,
    ],
    [
      'email',
      user => user.email,
    ],
    [
      'name',
      user => user.name,
    ],
    [
      'path',
      user => user.path,
    ],
    [
      'uuid',
      user => user.uuid,
    ],
  ]
  const active = booleanParam(query, 'is_active')
  const pathPrefix = query.get('path_startswith')
  const types = query.getAll('type')
  const inGroups = (user: AuthentikUser, uuids: string[]) => store.groupsOf(user.pk).some(group => uuids.includes(group.uuid))
  let users = store.users().filter(user => exact.every(([param, value]) => !query.has(param) || value(user) === query.get(param))
    && (active === undefined || user.isActive === active)
    && (pathPrefix === null || user.path.startsWith(pathPrefix))
    && (!types.length || types.includes(user.type))
    && (!attributes || attributes(user.attributes))
    && (!byGroupName.length || inGroups(user, byGroupName.map(name => store.groupByName(name)!.uuid)))
    && (!byGroupPk.length || inGroups(user, byGroupPk.map(uuid => uuid.toLowerCase()))))
  users = search(users, query.get('search'), [
    user => user.username,
    user => user.name,
    user => user.email,
    user => user.uuid,
  ])
  users = order(users, query.get('ordering'), {
    username: user => user.username,
    name: user => user.name,
    email: user => user.email,
    is_active: user => user.isActive,
    pk: user => user.pk,
  }, 'username')
  const page = paginate(users, query)
  const include = includes(query)
  sendJson(res, 200, {
    ...page,
    results: page.results.map(user => userJson(store, user, include)),
  })
}

async function readBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  const parsed = objectBody(await readJson(req))
  if ('errors' in parsed) {
    sendValidation(res, parsed.errors)
    return undefined
  }
  return parsed.body
}

/** `/api/v3/core/users/…`: `path` is what follows `users/`, split on `/` without the trailing slash. */
export async function handleUsers(store: AuthentikStore, options: UserRoutesOptions, req: IncomingMessage, res: ServerResponse, ctx: TwinRequestContext, path: string[]) {
  const method = req.method ?? 'GET'
  const [id, action, ...rest] = path
  const query = ctx.url.searchParams
  if (id === undefined) {
    if (method === 'GET')
      return list(store, query, res)
    if (method !== 'POST')
      return sendMethodNotAllowed(res, method)
    const body = await readBody(req, res)
    if (!body)
      return
    const { fields, changes, groups } = readUser(store, body, false)
    if (!fields.ok())
      return sendValidation(res, fields.errors)
    const user = store.createUser(changes as AuthentikUser)
    setUserGroups(store, user.pk, groups ?? [])
    ctx.countWrite('user.create')
    return sendJson(res, 201, userJson(store, user, includes(query)))
  }
  const pk = parseIntPk(id)
  const user = pk === undefined
    ? undefined
    : store.user(pk)
  if (rest.length || (action !== undefined && action !== 'set_password' && action !== 'recovery'))
    return sendNotFound(res)
  if (!user)
    return sendNotFound(res, 'User')
  if (action !== undefined) {
    if (method !== 'POST')
      return sendMethodNotAllowed(res, method)
    const body = await readBody(req, res)
    if (!body)
      return
    if (action === 'set_password') {
      if (typeof body.password !== 'string' || !body.password) {
        return sendValidation(res, {
          password: ['This field is required.'],
        })
      }
      store.updateUser(user.pk, { password: body.password })
      ctx.countWrite('user.set_password')
      return sendEmpty(res, 204)
    }
    // Authentik plans its recovery flow for this user and stores a flow token the link carries; without
    // a flow on the brand it refuses with a ValidationError (a bare string, not a list, as it raises it).
    const link = options.recoveryLink(user.pk)
    if (link === undefined)
      return sendJson(res, 400, { non_field_errors: 'No recovery flow set.' })
    ctx.countWrite('user.recovery')
    return sendJson(res, 200, { link })
  }
  if (method === 'GET')
    return sendJson(res, 200, userJson(store, user, includes(query)))
  if (method === 'DELETE') {
    store.deleteUser(user.pk)
    ctx.countWrite('user.delete')
    return sendEmpty(res, 204)
  }
  if (method !== 'PUT' && method !== 'PATCH')
    return sendMethodNotAllowed(res, method)
  const body = await readBody(req, res)
  if (!body)
    return
  const { fields, changes, groups } = readUser(store, body, method === 'PATCH', user)
  if (!fields.ok())
    return sendValidation(res, fields.errors)
  store.updateUser(user.pk, changes)
  if (groups)
    setUserGroups(store, user.pk, groups)
  ctx.countWrite('user.update')
  sendJson(res, 200, userJson(store, user, includes(query)))
}
