import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'

/** An application people open through Authentik's single sign-on. */
export interface SsoApplication {
  slug: string
  name: string
  launchUrl: string
  description: string | null
}

const PAGE_SIZE = 100
const MAX_PAGES = 10

/**
 * The caller's Authentik user. Our OAuth2 providers issue `sub` as the user's uuid (docs/provisioning.md),
 * so the subject names the very account that signed in; an e-mail could be edited into someone else's.
 */
async function findUserPk(driver: AuthentikDriver, subject: string): Promise<number | undefined> {
  const answer = await driver.call('find the caller in Authentik', init => driver.core.coreUsersList({
    uuid: subject,
    includeGroups: false,
    includeRoles: false,
  }, init))
  return answer.results.find(user => user.uuid === subject)?.pk
}

/**
 * The applications with a web launch URL that the person with this subject may open, as Authentik's
 * policy engine decides (`for_user`: an application with no bindings is everyone's; one bound to groups
 * is their members'). Someone without an Authentik account gets the list of the API's own account, which
 * is in no tenant's group: the applications bound to nobody.
 *
 * @example
 * const apps = await fetchUserApplications(driver, principal.subject)
 */
export async function fetchUserApplications(driver: AuthentikDriver, subject: string): Promise<SsoApplication[]> {
  const forUser = await findUserPk(driver, subject)
  const apps: SsoApplication[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    // Upstream pages first and drops what the user may not open afterwards, so a page can come back
    // short; `next` still tells whether there is more. With `for_user` it also ignores
    // `only_with_launch_url`: the launch URL is checked below either way.
    const answer = await driver.call('list applications', init => driver.core.coreApplicationsList({
      ...(forUser === undefined
        ? { onlyWithLaunchUrl: true }
        : { forUser }),
      ordering: 'name',
      page,
      pageSize: PAGE_SIZE,
    }, init))
    for (const app of answer.results) {
      // Hidden apps stay out of people's library in Authentik; a launcher shows only web addresses.
      if (app.metaHide || !app.launchUrl || !/^https?:\/\//i.test(app.launchUrl))
        continue
      apps.push({
        slug: app.slug,
        name: app.name,
        launchUrl: app.launchUrl,
        description: app.metaDescription || null,
      })
    }
    if (!answer.pagination.next)
      break
  }
  return apps
}
