import type { OcisRequest } from './ocis-request'
import type { OcisUser } from './ocis-store'
import { randomUUID } from 'node:crypto'
import { sendJson } from '../kit/json'
import { sendOcisError } from './ocis-errors'
import { readStrictBody } from './ocis-request'
import { ODataFilterError, parseODataFilter } from './parse-odata-filter'

const USER_FIELDS = [
  'id',
  'accountEnabled',
  'appRoleAssignments',
  'displayName',
  'drives',
  'drive',
  'identities',
  'mail',
  'memberOf',
  'onPremisesSamAccountName',
  'passwordProfile',
  'surname',
  'givenName',
  'userType',
  'preferredLanguage',
  'signInActivity',
  'externalID',
  'crossInstanceReference',
  'instances',
] as const
const USERNAME = /^[a-z_][\w.-]*$/i
const EMAIL = /^[^\s@]+@[^\s@][^\s.@]*\.[^\s@]+$/

export function formatUser(user: OcisUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    onPremisesSamAccountName: user.onPremisesSamAccountName,
    ...(user.mail
      ? { mail: user.mail }
      : {}),
    accountEnabled: user.accountEnabled,
    userType: 'Member',
  }
}

/**
 * `GET /v1.0/users`: `$search` matches display name, mail and user name (case-insensitive substring, as
 * the LDAP backend's search does); `$filter` supports `userType eq 'Member'` only — OCIS's other filters
 * (memberOf/appRoleAssignments lambdas) are out of the twin's scope and answered like unsupported ones.
 */
export async function listUsers(request: OcisRequest): Promise<void> {
  const url = new URL(request.req.url ?? '/', 'http://twin.invalid')
  let users = [
    ...request.store.users.values(),
  ]
  const filter = url.searchParams.get('$filter')
  if (filter !== null) {
    try {
      const root = parseODataFilter(filter)
      if (root.operator !== 'eq' || root.property !== 'userType' || !['Member', 'Guest'].includes(root.value ?? ''))
        return sendOcisError(request.res, 501, 'generalException', 'unsupported filter')
      if (root.value === 'Guest')
        users = []
    }
    catch (error) {
      if (error instanceof ODataFilterError)
        return sendOcisError(request.res, 400, 'invalidRequest', error.message)
      throw error
    }
  }
  const search = url.searchParams.get('$search')
  if (search !== null) {
    const term = search.trim().replace(/^"(.*)"$/, '$1').toLowerCase()
    users = users.filter(user => [user.displayName, user.mail ?? '', user.onPremisesSamAccountName]
      .some(value => value.toLowerCase().includes(term)))
  }
  sendJson(request.res, 200, {
    value: users.map(formatUser),
  })
}

export async function createUser(request: OcisRequest): Promise<void> {
  const read = await readStrictBody(request.req, USER_FIELDS)
  if ('error' in read)
    return sendOcisError(request.res, 400, 'invalidRequest', `invalid request body: ${read.error}`)
  const { body } = read
  if (typeof body.displayName !== 'string')
    return sendOcisError(request.res, 400, 'invalidRequest', 'missing required Attribute: \'displayName\'')
  if (typeof body.onPremisesSamAccountName !== 'string')
    return sendOcisError(request.res, 400, 'invalidRequest', 'missing required Attribute: \'onPremisesSamAccountName\'')
  const username = body.onPremisesSamAccountName
  if (!USERNAME.test(username) && !EMAIL.test(username))
    return sendOcisError(request.res, 400, 'invalidRequest', `username ${username} must be at least the local part of an email`)
  if (body.mail !== undefined && (typeof body.mail !== 'string' || !EMAIL.test(body.mail)))
    return sendOcisError(request.res, 400, 'invalidRequest', `${String(body.mail)} is not a valid email address`)
  if (body.id !== undefined)
    return sendOcisError(request.res, 400, 'invalidRequest', 'user id is a read-only attribute')
  const taken = [
    ...request.store.users.values(),
  ].some(user => user.onPremisesSamAccountName.toLowerCase() === username.toLowerCase())
  if (taken)
    return sendOcisError(request.res, 409, 'nameAlreadyExists', 'already exists')
  const user: OcisUser = {
    id: randomUUID(),
    displayName: body.displayName,
    onPremisesSamAccountName: username,
    mail: body.mail as string | undefined,
    accountEnabled: body.accountEnabled !== false,
  }
  request.store.users.set(user.id, user)
  request.twin.countWrite('user.create')
  sendJson(request.res, 201, formatUser(user))
}

export async function getUser(request: OcisRequest): Promise<void> {
  const id = request.params.userId ?? ''
  const user = request.store.users.get(id)
    ?? [
      ...request.store.users.values(),
    ].find(candidate => candidate.onPremisesSamAccountName === id)
  if (!user)
    return sendOcisError(request.res, 404, 'itemNotFound', 'not found')
  sendJson(request.res, 200, formatUser(user))
}

export async function getMe(request: OcisRequest): Promise<void> {
  sendJson(request.res, 200, formatUser(request.principal))
}
