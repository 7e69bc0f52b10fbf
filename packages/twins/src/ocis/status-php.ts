import type { ServerResponse } from 'node:http'
import { sendJson } from '../kit/json'

/**
 * `GET /status.php` as the OCIS proxy answers it for ownCloud clients, without authentication: the
 * instance is installed and not in maintenance. What a load balancer or probe checks from outside.
 * Faults with `paths: ['/status.php']` make it fail like the rest of the twin.
 */
export function handleStatusPhp(res: ServerResponse): void {
  sendJson(res, 200, {
    installed: true,
    maintenance: false,
    needsDbUpgrade: false,
    version: '10.11.0.0',
    versionstring: '10.11.0',
    edition: 'Community',
    productname: 'Infinite Scale',
    product: 'Infinite Scale',
    productversion: '7.1.0',
  })
}
