import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApplicationStore, AuthentikApplication } from './applications'
import { sendJson } from '../kit/json'
import { sendMethodNotAllowed, sendNotFound } from './api-errors'
import { applicationJson } from './applications'
import { booleanParam, order, paginate, search } from './list-query'

function list(applications: ApplicationStore, query: URLSearchParams, res: ServerResponse) {
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
  const withLaunchUrl = booleanParam(query, 'only_with_launch_url')
  let items = applications.list().filter(app => exact.every(([param, value]) => !query.has(param) || value(app) === query.get(param))
    && (!withLaunchUrl || Boolean(app.launchUrl)))
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
  sendJson(res, 200, {
    ...page,
    results: page.results.map(applicationJson),
  })
}

/**
 * `/api/v3/core/applications/…`, read-only: the list (its filters, search, ordering and pagination) and
 * one application by slug. The twin runs as the API token's superuser, who sees every application.
 */
export function handleApplications(applications: ApplicationStore, req: IncomingMessage, res: ServerResponse, url: URL, path: string[]) {
  const method = req.method ?? 'GET'
  const [slug, ...rest] = path
  if (rest.length)
    return sendNotFound(res)
  if (method !== 'GET')
    return sendMethodNotAllowed(res, method)
  if (slug === undefined)
    return list(applications, url.searchParams, res)
  const application = applications.get(slug)
  if (!application)
    return sendNotFound(res, 'Application')
  sendJson(res, 200, applicationJson(application))
}
