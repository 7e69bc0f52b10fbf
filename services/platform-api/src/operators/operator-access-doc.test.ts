import type { Capability } from '../auth/capabilities'
import { readFile } from 'node:fs/promises'
import { OPERATOR_ROLES } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { CAPABILITIES } from '../auth/capabilities'

const DOC = new URL('../../../../docs/operator-access.md', import.meta.url)

/** The operator columns of one capability, as the doc writes them. */
function expectedCells(capability: Capability): string[] {
  const granted: readonly string[] = CAPABILITIES[capability].operator
  return OPERATOR_ROLES.map(role => granted.includes(role)
    ? '✓'
    : '—')
}

/** The table between the `capabilities:start` and `capabilities:end` markers: capability → role cells. */
async function documentedTable(): Promise<Map<string, string[]>> {
  const text = await readFile(DOC, 'utf8')
  const table = /<!-- capabilities:start -->([\s\S]*?)<!-- capabilities:end -->/.exec(text)?.[1]
  if (!table)
    throw new Error('docs/operator-access.md has no capabilities table between its markers')
  const rows = new Map<string, string[]>()
  for (const line of table.split('\n')) {
    const cells = line.split('|').slice(1, -1).map(cell => cell.trim())
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1]
    if (name)
      rows.set(name, cells.slice(1, 1 + OPERATOR_ROLES.length))
  }
  return rows
}

describe('docs/operator-access.md', () => {
  it('lists every capability with the operator roles capabilities.ts grants it, and nothing else', async () => {
    const documented = await documentedTable()
    const capabilities = Object.keys(CAPABILITIES) as Capability[]
    const wrong = capabilities.filter(capability => documented.get(capability)?.join() !== expectedCells(capability).join())
    const rowsToPaste = wrong.map(capability => `| \`${capability}\` | ${expectedCells(capability).join(' | ')} | … |`).join('\n')
    expect(wrong, `update these rows of the table in docs/operator-access.md:\n${rowsToPaste}`).toEqual([])
    expect([
      ...documented.keys(),
    ].filter(name => !(name in CAPABILITIES)), 'rows for capabilities that no longer exist').toEqual([])
  })
})
