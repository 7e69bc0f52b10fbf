import type { Group } from '@goauthentik/api'
import type { AuthentikDriver } from './authentik-driver'

const PAGE_SIZE = 100

/**
 * Every group whose name contains `tenant:<slug>:`, with members (`users_obj`): one request for a
 * tenant (Authentik's search is a case-insensitive substring match, so callers compare names exactly).
 */
export async function findTenantGroups(driver: AuthentikDriver, slug: string, signal?: AbortSignal): Promise<Group[]> {
  const groups: Group[] = []
  for (let page = 1; ; page++) {
    const answer = await driver.call('list the tenant\'s groups', init => driver.core.coreGroupsList({
      search: `tenant:${slug}:`,
      includeUsers: true,
      ordering: 'name',
      page,
      pageSize: PAGE_SIZE,
    }, init), signal)
    groups.push(...answer.results)
    if (!answer.pagination.next)
      return groups
  }
}
