import type { TFlagExplanation } from '@dezky/contracts'
import { readFileSync } from 'node:fs'
import { FLAG_DECISIONS, FLAG_SCOPES } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { flagExplanationSentence } from './flag-explanation'

const base: TFlagExplanation = {
  key: 'portal.card',
  name: 'Card',
  type: 'release',
  value: false,
  variant: null,
  decision: 'off',
  scope: null,
  scopeId: null,
  strategyIndex: null,
  bucket: null,
  parent: null,
}

function localeText(locale: string, key: string): unknown {
  const messages = JSON.parse(readFileSync(new URL(`../../i18n/locales/${locale}/flags.json`, import.meta.url), 'utf8'))
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
}

describe('flagExplanationSentence', () => {
  it('tells a rollout by the bucket and which side of the percentage it fell', () => {
    expect(flagExplanationSentence({
      ...base,
      decision: 'rollout',
      value: true,
      bucket: 17,
    }))
      .toEqual({
        key: 'flags.tenantTab.why.rolloutIn',
        params: { bucket: 17 },
      })
    expect(flagExplanationSentence({
      ...base,
      decision: 'rollout',
      value: false,
      bucket: 83,
    }))
      .toEqual({
        key: 'flags.tenantTab.why.rolloutOut',
        params: { bucket: 83 },
      })
    expect(flagExplanationSentence({
      ...base,
      decision: 'rollout',
      value: false,
      bucket: null,
    }).key)
      .toBe('flags.tenantTab.why.rolloutNone')
  })

  it('names the scope and the value of an override, and the parent of a dependency', () => {
    expect(flagExplanationSentence({
      ...base,
      decision: 'override',
      value: true,
      scope: 'partner',
      scopeId: 'nimbus',
    }))
      .toEqual({
        key: 'flags.tenantTab.why.override.partner',
        params: { value: 'on', id: 'nimbus' },
      })
    expect(flagExplanationSentence({ ...base, decision: 'dependency', parent: 'portal.base' }))
      .toEqual({
        key: 'flags.tenantTab.why.dependency',
        params: { parent: 'portal.base' },
      })
  })

  it('counts the matched strategy from 1, and says when none matched', () => {
    expect(flagExplanationSentence({
      ...base,
      decision: 'targeted',
      value: true,
      strategyIndex: 0,
    }))
      .toEqual({
        key: 'flags.tenantTab.why.targetedMatch',
        params: { index: 1 },
      })
    expect(flagExplanationSentence({ ...base, decision: 'targeted' }).key).toBe('flags.tenantTab.why.targetedNone')
  })

  it('has a sentence in both languages for every decision the engine can give', () => {
    const cases: TFlagExplanation[] = [
      ...FLAG_DECISIONS.map(decision => ({ ...base, decision })),
      ...FLAG_SCOPES.map(scope => ({
        ...base,
        decision: 'override' as const,
        scope,
        scopeId: 'x',
      })),
      {
        ...base,
        decision: 'rollout',
        value: true,
        bucket: 1,
      },
      {
        ...base,
        decision: 'rollout',
        value: false,
        bucket: 99,
      },
      {
        ...base,
        decision: 'targeted',
        value: true,
        strategyIndex: 2,
      },
    ]
    for (const item of cases) {
      const { key } = flagExplanationSentence(item)
      for (const locale of ['en', 'pt-BR'])
        expect(localeText(locale, key), `${locale} ${key}`).toEqual(expect.any(String))
    }
  })
})
