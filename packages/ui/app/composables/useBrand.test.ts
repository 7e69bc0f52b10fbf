import type { TBrandArea } from './useBrand'
import { describe, expect, it } from 'vitest'
import { brandAreaKey, brandAreaOf, contrastRatio, fetchBrandSource, readableOn, resolveBrand, safeColour, safeLogoUrl } from './useBrand'

const DEPLOYMENT = { productName: 'Dezky', primaryColor: '#1d4ed8', accentColor: '#d97706' }

describe('safeColour', () => {
  it.each([
    ['#0E7490', '#0e7490'],
    ['#0e7490', '#0e7490'],
    ['#fff', null],
    ['red', null],
    ['#0e7490;background:url(x)', null],
    ['#0e749g', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeColour(input)).toBe(expected)
  })
})

describe('safeLogoUrl', () => {
  it.each([
    ['https://cdn.nimbus.example/logo.svg', 'https://cdn.nimbus.example/logo.svg'],
    ['http://localhost:4321/logo.png', 'http://localhost:4321/logo.png'],
    ['http://127.0.0.1/logo.png', 'http://127.0.0.1/logo.png'],
    ['http://nimbus.example/logo.png', null],
    ['javascript:alert(1)', null],
    ['data:image/svg+xml,<svg/>', null],
    ['//evil.example/logo.png', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeLogoUrl(input)).toBe(expected)
  })
})

describe('contrastRatio and readableOn', () => {
  it('measures the WCAG ratio either way round', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#1d4ed8', '#1d4ed8')).toBe(1)
    expect(contrastRatio('#ffffff', '#1d4ed8')).toBeCloseTo(6.7, 1)
  })

  it.each([
    ['#1d4ed8', '#ffffff'],
    ['#0e7490', '#ffffff'],
    ['#facc15', '#111827'],
    ['#ffffff', '#111827'],
    ['#000000', '#ffffff'],
  ])('text on %s is %s', (background, text) => {
    expect(readableOn(background)).toBe(text)
  })

  it('picks whichever text colour contrasts more, also in the middle range', () => {
    for (const background of [
      '#808080',
      '#3b82f6',
      '#ef4444',
      '#10b981',
    ]) {
      const chosen = contrastRatio(readableOn(background), background)
      expect(chosen).toBeGreaterThanOrEqual(contrastRatio('#ffffff', background))
      expect(chosen).toBeGreaterThanOrEqual(contrastRatio('#111827', background))
    }
  })
})

describe('resolveBrand', () => {
  it('is the deployment brand without an override', () => {
    expect(resolveBrand(DEPLOYMENT)).toEqual({
      productName: 'Dezky',
      logoUrl: null,
      primaryColor: '#1d4ed8',
      accentColor: '#d97706',
      onPrimary: '#ffffff',
      cssVars: '--dz-primary:#1d4ed8;--dz-on-primary:#ffffff;--dz-accent:#d97706',
    })
  })

  it('takes each valid field of the override', () => {
    const brand = resolveBrand(DEPLOYMENT, {
      productName: '  Nimbus Workspace ',
      logoUrl: 'https://nimbus.example/logo.svg',
      primaryColor: '#FACC15',
      accentColor: null,
    })
    expect(brand.productName).toBe('Nimbus Workspace')
    expect(brand.logoUrl).toBe('https://nimbus.example/logo.svg')
    expect(brand.cssVars).toBe('--dz-primary:#facc15;--dz-on-primary:#111827;--dz-accent:#d97706')
  })

  it('falls back field by field when the override is malformed', () => {
    const brand = resolveBrand(DEPLOYMENT, {
      productName: '   ',
      logoUrl: 'javascript:alert(1)',
      primaryColor: 'red;--dz-ink:#fff',
      accentColor: '#0e7490',
    })
    expect(brand.productName).toBe('Dezky')
    expect(brand.logoUrl).toBeNull()
    expect(brand.cssVars).toBe('--dz-primary:#1d4ed8;--dz-on-primary:#ffffff;--dz-accent:#0e7490')
  })

  it('falls back to Dezky when the deployment config is malformed too', () => {
    const brand = resolveBrand({ productName: '', primaryColor: 'blue', accentColor: undefined })
    expect([brand.productName, brand.primaryColor, brand.accentColor]).toEqual(['Dezky', '#1d4ed8', '#d97706'])
  })
})

describe('brandAreaOf', () => {
  it.each<[string, TBrandArea, string]>([
    [
      '/t/acme',
      { kind: 'tenant', slug: 'acme' },
      'tenant:acme',
    ],
    [
      '/t/acme/domains',
      { kind: 'tenant', slug: 'acme' },
      'tenant:acme',
    ],
    [
      '/p/nimbus',
      { kind: 'partner', slug: 'nimbus' },
      'partner:nimbus',
    ],
    [
      '/p/nimbus/customers/new',
      { kind: 'partner', slug: 'nimbus' },
      'partner:nimbus',
    ],
    [
      '/',
      { kind: 'home' },
      'home',
    ],
    [
      '/account',
      { kind: 'home' },
      'home',
    ],
    [
      '/tenants',
      { kind: 'home' },
      'home',
    ],
    [
      '/t/Bad_Slug',
      { kind: 'home' },
      'home',
    ],
  ])('%s', (path, area, key) => {
    expect(brandAreaOf(path)).toEqual(area)
    expect(brandAreaKey(area)).toBe(key)
  })
})

describe('fetchBrandSource', () => {
  const brand = {
    productName: 'Nimbus',
    logoUrl: null,
    primaryColor: '#0e7490',
    accentColor: null,
    partnerSlug: 'nimbus',
  }
  const partner = {
    slug: 'nimbus',
    branding: { productName: 'Nimbus Partner' },
  }

  function fakeFetch(answers: Record<string, unknown>) {
    const calls: string[] = []
    const fetchJson = async <T>(url: string): Promise<T> => {
      calls.push(url)
      if (!(url in answers))
        throw Object.assign(new Error('Not found'), { statusCode: 404 })
      return answers[url] as T
    }
    return { calls, fetchJson }
  }

  it('asks for the tenant\'s effective brand in its area', async () => {
    const { calls, fetchJson } = fakeFetch({ '/api/tenants/acme/brand': brand })
    await expect(fetchBrandSource({ kind: 'tenant', slug: 'acme' }, fetchJson)).resolves.toEqual(brand)
    expect(calls).toEqual(['/api/tenants/acme/brand'])
  })

  it('uses the partner\'s own branding in its area', async () => {
    const { fetchJson } = fakeFetch({ '/api/partners/nimbus': partner })
    await expect(fetchBrandSource({ kind: 'partner', slug: 'nimbus' }, fetchJson)).resolves.toEqual(partner.branding)
  })

  it.each([
    [
      'the first tenant',
      {
        tenants: [
          { slug: 'acme' },
          { slug: 'beta' },
        ],
        partners: [
          { slug: 'nimbus' },
        ],
      },
      brand,
    ],
    [
      'the first partner when there is no tenant',
      {
        tenants: [],
        partners: [
          { slug: 'nimbus' },
        ],
      },
      partner.branding,
    ],
    [
      'nothing for someone with neither',
      { tenants: [], partners: [] },
      null,
    ],
  ])('outside an area uses %s', async (_, me, expected) => {
    const { fetchJson } = fakeFetch({ '/api/me': me, '/api/tenants/acme/brand': brand, '/api/partners/nimbus': partner })
    await expect(fetchBrandSource({ kind: 'home' }, fetchJson)).resolves.toEqual(expected)
  })

  it('rejects when the API does, so the loader keeps the default and does not cache it', async () => {
    const { fetchJson } = fakeFetch({})
    await expect(fetchBrandSource({ kind: 'tenant', slug: 'other' }, fetchJson)).rejects.toThrow('Not found')
  })
})
