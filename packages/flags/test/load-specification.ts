import type { UnleashContext, UnleashState, UnleashVariantResult } from '../src/types'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface SpecificationCheck {
  /** `<file>: <description>`, unique across the suite. */
  id: string
  file: string
  state: UnleashState
  toggleName: string
  context: UnleashContext
  kind: 'isEnabled' | 'getVariant'
  expected: boolean | UnleashVariantResult
}

interface SpecificationFile {
  name: string
  state: UnleashState
  tests?: { description: string, context: UnleashContext, toggleName: string, expectedResult: boolean }[]
  variantTests?: { description: string, context: UnleashContext, toggleName: string, expectedResult: UnleashVariantResult }[]
}

/** The delta-API files test a client's streaming protocol, not evaluation; this engine gets whole states. */
const NOT_EVALUATION = new Set(['19-delta-api-hydration.json', '20-delta-api-events.json'])

// The package's index.js pulls in joi to validate the files; reading the JSON directly needs nothing.
const directory = join(dirname(createRequire(import.meta.url).resolve('@unleash/client-specification/package.json')), 'specifications')

/** Every evaluation check of @unleash/client-specification, in file order. */
export function loadSpecification(): SpecificationCheck[] {
  const files = readdirSync(directory).filter(file => /^\d+-.*\.json$/.test(file) && !NOT_EVALUATION.has(file)).sort()
  return files.flatMap((file) => {
    const spec = JSON.parse(readFileSync(join(directory, file), 'utf8')) as SpecificationFile
    const seen = new Map<string, number>()
    const unique = (description: string) => {
      const count = (seen.get(description) ?? 0) + 1
      seen.set(description, count)
      return count === 1
        ? `${file}: ${description}`
        : `${file}: ${description} (#${count})`
    }
    return [
      ...(spec.tests ?? []).map(test => ({
        id: unique(test.description),
        file,
        state: spec.state,
        toggleName: test.toggleName,
        context: test.context,
        kind: 'isEnabled' as const,
        expected: test.expectedResult,
      })),
      ...(spec.variantTests ?? []).map(test => ({
        id: unique(test.description),
        file,
        state: spec.state,
        toggleName: test.toggleName,
        context: test.context,
        kind: 'getVariant' as const,
        expected: test.expectedResult,
      })),
    ]
  })
}
