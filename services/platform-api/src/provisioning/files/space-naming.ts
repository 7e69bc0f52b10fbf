/**
 * A tenant's project space is named after its slug: slugs are `[a-z0-9-]`, which OCIS accepts in space
 * names (no `/ \ . : ? * " > < |`, at most 255 characters) — unlike the tenant's domain, whose dots it
 * refuses. The description marks the space as ours, so it is found again even if someone renames it.
 *
 * @example
 * spaceNameFor('acme') // 'acme'
 * spaceMarkerFor('acme') // 'dezky:tenant:acme'
 */
export function spaceNameFor(slug: string): string {
  return slug
}

export function spaceMarkerFor(slug: string): string {
  return `dezky:tenant:${slug}`
}
