import { randomUUID } from 'node:crypto'

/** An application as an Authentik admin would set it up (the `meta_*` fields of the admin UI). */
export interface AuthentikApplicationSeed {
  slug: string
  name: string
  /** `meta_launch_url`: where the user library sends people; absent for apps without a launch page. */
  launchUrl?: string
  description?: string
  publisher?: string
  group?: string
  openInNewTab?: boolean
  /** `meta_hide`: kept out of the user's library. */
  hidden?: boolean
  /**
   * Names of the groups bound to the application (policy bindings with a group): with any, only their
   * members may open it; without, everyone may. Names, not uuids, so a seed can name a tenant's group
   * (`tenant:acme:member`) before the reconciler has made it.
   */
  boundGroups?: readonly string[]
  /** How the bindings combine (`policy_engine_mode`): one passing (`any`, the default) or all of them. */
  policyEngineMode?: 'any' | 'all'
}

export interface AuthentikApplication extends AuthentikApplicationSeed {
  pk: string
}

/**
 * Two applications the dev stack and the launcher tests show next to webmail and files: the kind of
 * tools a small company signs into through Authentik.
 */
export const DEMO_APPLICATIONS: readonly AuthentikApplicationSeed[] = [
  {
    slug: 'wiki',
    name: 'Wiki',
    launchUrl: 'https://wiki.dezky.dev/',
    description: 'Base de conhecimento da equipe',
    publisher: 'Dezky',
    openInNewTab: true,
  },
  {
    slug: 'crm',
    name: 'CRM',
    launchUrl: 'https://crm.dezky.dev/',
    description: 'Clientes e oportunidades',
    publisher: 'Dezky',
    openInNewTab: true,
  },
]

/**
 * The Authentik twin's applications, by slug (Authentik's lookup field). Seeded from the IdP's options;
 * tests add or remove more at run time.
 *
 * @example
 * const apps = createApplicationStore(DEMO_APPLICATIONS)
 * apps.add({ slug: 'erp', name: 'ERP', launchUrl: 'https://erp.example.com/' })
 */
export function createApplicationStore(seed: readonly AuthentikApplicationSeed[] = []) {
  const applications = new Map<string, AuthentikApplication>()
  const store = {
    list: () => [
      ...applications.values(),
    ],
    get: (slug: string) => applications.get(slug),
    add(input: AuthentikApplicationSeed): AuthentikApplication {
      if (!/^[-\w]+$/.test(input.slug))
        throw new Error(`application slug ${input.slug} is not [-a-zA-Z0-9_]+`)
      if (applications.has(input.slug))
        throw new Error(`duplicate application slug ${input.slug}`)
      const application = {
        ...input,
        pk: randomUUID(),
      }
      applications.set(application.slug, application)
      return application
    },
    remove: (slug: string) => applications.delete(slug),
  }
  for (const application of seed)
    store.add(application)
  return store
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>

/**
 * The spec's Application. Without a provider Authentik's `launch_url` is the `meta_launch_url`, or null;
 * `meta_launch_url` itself is a URI field, so it is left out when blank.
 */
export function applicationJson(application: AuthentikApplication) {
  return {
    pk: application.pk,
    name: application.name,
    slug: application.slug,
    provider: null,
    provider_obj: null,
    backchannel_providers: [],
    backchannel_providers_obj: [],
    launch_url: application.launchUrl ?? null,
    open_in_new_tab: application.openInNewTab ?? false,
    ...(application.launchUrl
      ? { meta_launch_url: application.launchUrl }
      : {}),
    meta_icon_url: null,
    meta_icon_themed_urls: null,
    meta_description: application.description ?? '',
    meta_publisher: application.publisher ?? '',
    policy_engine_mode: application.policyEngineMode ?? 'any',
    group: application.group ?? '',
    meta_hide: application.hidden ?? false,
  }
}
