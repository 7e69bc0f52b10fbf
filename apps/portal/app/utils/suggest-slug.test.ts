import { ZSlug } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { suggestSlug } from './suggest-slug'

describe('suggestSlug', () => {
  it.each([
    ['Acme', 'acme'],
    ['Padaria São João Ltda.', 'padaria-sao-joao-ltda'],
    ['  Açaí & Cia  ', 'acai-cia'],
    ['Ótica Visão 2000', 'otica-visao-2000'],
    ['ACME---Corp', 'acme-corp'],
    ['Ünïcödé GmbH', 'unicode-gmbh'],
    ['株式会社 Tokyo', 'tokyo'],
    ['A', ''],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug)
  })

  it('stops at 40 characters without ending on a dash', () => {
    const slug = suggestSlug('Cooperativa de Crédito dos Produtores Rurais do Vale')
    expect(slug.length).toBeLessThanOrEqual(40)
    expect(slug).toBe('cooperativa-de-credito-dos-produtores-ru')
    expect(suggestSlug(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39))
  })

  it('always suggests a slug the API accepts (or none)', () => {
    for (const name of [
      'Ça va',
      'x-',
      '-x-',
      'Fábrica de Sorvetes Nº 1',
      'a b',
      '9 Lives',
    ]) {
      const slug = suggestSlug(name)
      if (slug)
        expect(ZSlug.safeParse(slug).success, slug).toBe(true)
    }
  })
})
