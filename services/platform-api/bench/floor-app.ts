import type { KeyObject } from 'node:crypto'
import type pg from 'pg'
import { H3, HTTPError } from 'h3'
import { verifyRs256 } from './signing-key'
import { TENANT_BY_SLUG_IN_SCOPE, TENANT_BY_SLUG_STATEMENT } from './tenant-by-slug-sql'

/**
 * The least any authenticated tenant read can do on this machine: one node:crypto signature check and one
 * named prepared statement, no claims, no scope building, no ORM. Not a design to copy (it skips the
 * claim checks); it shows how much of the gap to bare h3 no implementation can close.
 */
export function createFloorApp(key: KeyObject, pool: pg.Pool): H3 {
  return new H3().get('/tenants/:slug', async (event) => {
    const token = event.req.headers.get('authorization')?.slice('Bearer '.length) ?? ''
    if (!verifyRs256(token, key))
      throw new HTTPError({ status: 401 })
    const slug = event.context.params!.slug!
    const { rows } = await pool.query({
      name: TENANT_BY_SLUG_STATEMENT,
      text: TENANT_BY_SLUG_IN_SCOPE,
      values: [
        slug,
        false,
        [slug],
        [],
        1,
      ],
    })
    return rows[0]
  })
}
