import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApplicationStore, AuthentikApplication } from './applications'
import type { AuthentikStore } from './store'
import { sendJson } from '../kit/json'
import { sendMethodNotAllowed, sendNotFound } from './api-errors'
import { mayOpen } from './application-access'
import { applicationJson } from './applications'
import { booleanParam, order, paginate, search } from './list-query'

/** `for_user`: the user whose access is evaluated; Authentik answers 400 for a pk it cannot find. */
function forUser(store: AuthentikStore, query: URLSearchParams, res: ServerResponse): number | undefined | false {
  if (!query.has('for_user'))
    return undefined
  const text = query.get('for_user')!
  const pk = /^-?\d+$/.test(text.trim())
    ? Number(text)
    : Number.NaN
  if (Number.isNaN(pk)) {
    sendJson(res, 400, ['Invalid input.'])
    return false
  }
  if (!store.user(pk)) {
    sendJson(res, 400, { for_user: 'User not found' })
    return false
  }
  return pk
}

function list(applications: ApplicationStore, store: AuthentikStore, query: URLSearchParams, res: ServerResponse) {
  const exact: [string, (app: AuthentikApplication) => string][] = [
    [
      'name',
      app => app.name,
    ],
    [
      'slug',
      app => app.slug,
    ],
    [
      'group',
      app => app.group ?? '',
    ],
    [
      'meta_launch_url',
      app => app.launchUrl ?? '',
    ],
    [
      'meta_description',
      app => app.description ?? '',
    ],
    [
      'meta_publisher',
      app => app.publisher ?? '',
    ],
  ]
  const user = forUser(store, query, res)
  if (user === false)
    return
  let items = applications.list().filter(app => exact.every(([param, value]) => !query.has(param) || value(app) === query.get(param)))
  // ApplicationViewSet.search_fields
  items = search(items, query.get('search'), [
    app => app.name,
    app => app.slug,
    app => app.launchUrl ?? '',
    app => app.description ?? '',
    app => app.publisher ?? '',
    app => app.group ?? '',
  ])
  items = order(items, query.get('ordering'), {
    name: app => app.name,
    slug: app => app.slug,
    group: app => app.group ?? '',
  }, 'name')
  const page = paginate(items, query)
  // ApplicationViewSet.list: a superuser asking for the full list gets it unfiltered; otherwise the page is
  // cut down to what `for_user` (else the token's own account) may open, after paging, so `count` stays
  // the total. `only_with_launch_url` is applied only without `for_user`, as upstream does.
  let results = page.results
  if (booleanParam(query, 'superuser_full_list') !== true) {
    results = results.filter(app => mayOpen(store, app, user))
    if (user === undefined && booleanParam(query, 'only_with_launch_url'))
      results = results.filter(app => Boolean(app.launchUrl))
  }
  sendJson(res, 200, {
    ...page,
    results: results.map(applicationJson),
  })
}

/**
 * `/api/v3/core/applications/…`, read-only: the list (its filters, search, ordering, pagination and the
 * policy check of `for_user` / `superuser_full_list`) and one application by slug. The API token's account
 * is a superuser in no group: unbound applications are all its own list shows.
 */
export function handleApplications(applications: ApplicationStore, store: AuthentikStore, req: IncomingMessage, res: ServerResponse, url: URL, path: string[]) {
  const method = req.method ?? 'GET'
  const [slug, ...rest] = path
  if (rest.length)
    return sendNotFound(res)
  if (method !== 'GET')
    return sendMethodNotAllowed(res, method)
  if (slug === undefined)
    return list(applications, store, url.searchParams, res)
  const application = applications.get(slug)
  if (!application)
    return sendNotFound(res, 'Application')
  sendJson(res, 200, applicationJson(application))
}
