import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'

const BLOCKING = new Set(['serious', 'critical'])

/**
 * Runs axe-core on the page as it is now (WCAG 2.x A/AA rules and axe's best practices) and fails when
 * any violation is serious or critical, listing each rule id with the elements it found, e.g.
 * `color-contrast (serious): .badge-ready, td > a`. Minor and moderate findings do not fail the test.
 *
 * @example
 * await page.goto('/t/acme')
 * await expectNoSeriousA11yViolations(page)
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const blocking = violations
    .filter(violation => BLOCKING.has(violation.impact ?? ''))
    .map(violation => `${violation.id} (${violation.impact}): ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
  expect(blocking, `axe-core on ${page.url()}`).toEqual([])
}
