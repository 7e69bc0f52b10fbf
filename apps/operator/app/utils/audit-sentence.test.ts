import type { TAuditEntry } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import en from '../../i18n/locales/en/overview.json'
import ptBR from '../../i18n/locales/pt-BR/overview.json'
import { actorLabel, AUDIT_SENTENCES, auditSentence, shortSubject } from './audit-sentence'

const ANA = 'd68bffd7-c890-450f-a9bc-4a90ae65fe9d'

function entry(patch: Partial<TAuditEntry>): TAuditEntry {
  return {
    id: '1',
    seq: 1,
    at: '2026-11-22T08:00:00Z',
    actor: {
      subject: ANA,
      roles: ['operator:super_admin'],
      email: null,
      name: null,
    },
    actingAs: null,
    action: 'tenant.suspend',
    targetType: 'tenant',
    targetId: '5d0e4bde-0f1c-4a5b-9d58-0a4c1c8f1a11',
    tenantSlug: 'acme',
    requestId: null,
    ip: null,
    userAgent: null,
    changes: [],
    prevHash: '',
    hash: '',
    ...patch,
  }
}

describe('auditSentence', () => {
  it('names a flag by its key, and the scheduler as the platform', () => {
    expect(auditSentence(entry({
      action: 'flag.kill',
      targetType: 'flag',
      targetId: 'portal.card',
      tenantSlug: null,
      changes: [
        { field: 'reason', before: null, after: 'Incident' },
      ],
    })))
      .toEqual({
        key: 'overview.recent.sentence.flag_kill',
        actor: 'd68bffd7…',
        tenant: null,
        target: 'portal.card',
      })
    expect(auditSentence(entry({
      action: 'flag.schedule_apply',
      actor: {
        subject: 'system:flag-scheduler',
        roles: [],
        email: null,
        name: null,
      },
      targetType: 'flag',
      targetId: 'portal.card',
      tenantSlug: null,
    })))
      .toMatchObject({ key: 'overview.recent.sentence.flag_schedule_apply', actor: null, target: 'portal.card' })
  })

  it('tells a known tenant action as its sentence, naming the tenant', () => {
    expect(auditSentence(entry({}))).toEqual({
      key: 'overview.recent.sentence.tenant_suspend',
      actor: 'd68bffd7…',
      tenant: 'acme',
      target: null,
    })
  })

  it('names the target from its changes rather than its UUID', () => {
    const sentence = auditSentence(entry({
      action: 'partner.create',
      targetType: 'partner',
      tenantSlug: null,
      changes: [
        { field: 'slug', before: null, after: 'nimbus' },
        { field: 'name', before: null, after: 'Nimbus Cloud' },
      ],
    }))
    expect(sentence).toMatchObject({ key: 'overview.recent.sentence.partner_create', target: 'Nimbus Cloud' })
  })

  it('names a removed object by its value before the change', () => {
    const sentence = auditSentence(entry({
      action: 'domain.remove',
      targetType: 'domain',
      changes: [
        { field: 'domain', before: 'acme.test', after: null },
      ],
    }))
    expect(sentence).toMatchObject({ key: 'overview.recent.sentence.domain_remove', tenant: 'acme', target: 'acme.test' })
  })

  it('takes a target id that is a name as it is (a probe)', () => {
    const sentence = auditSentence(entry({
      action: 'probe.run',
      targetType: 'probe',
      targetId: 'stalwart',
      tenantSlug: null,
    }))
    expect(sentence).toMatchObject({ key: 'overview.recent.sentence.probe_run', target: 'stalwart' })
  })

  it('falls back to a generic line when the sentence would miss a name', () => {
    // A partner change whose diff names nothing: "updated partner" with a hole is worse than the raw action.
    expect(auditSentence(entry({ action: 'partner.update', targetType: 'partner', tenantSlug: null })).key)
      .toBe('overview.recent.generic.plain')
  })

  it('tells actions it does not know generically, within their tenant when they have one', () => {
    expect(auditSentence(entry({ action: 'authentik.group.create', targetType: 'group' })).key)
      .toBe('overview.recent.generic.inTenant')
    expect(auditSentence(entry({ action: 'stalwart.write.unconfirmed', tenantSlug: null })).key)
      .toBe('overview.recent.generic.plain')
  })

  it('tells the platform\'s own work without a person', () => {
    expect(auditSentence(entry({
      actor: {
        subject: 'system:reconciler',
        roles: [],
        email: null,
        name: null,
      },
    })).actor).toBeNull()
  })
})

describe('actorLabel', () => {
  it('names the actor by name, else address, else the subject cut short', () => {
    expect(actorLabel({
      subject: ANA,
      roles: [],
      email: 'ana@dezky.dev',
      name: 'Ana Souza',
    })).toBe('Ana Souza')
    expect(actorLabel({
      subject: ANA,
      roles: [],
      email: 'ana@dezky.dev',
      name: null,
    })).toBe('ana@dezky.dev')
    expect(actorLabel({
      subject: ANA,
      roles: [],
      email: null,
      name: null,
    })).toBe('d68bffd7…')
  })

  it('is what a sentence names', () => {
    expect(auditSentence(entry({
      actor: {
        subject: ANA,
        roles: [],
        email: 'ana@dezky.dev',
        name: 'Ana Souza',
      },
    })).actor).toBe('Ana Souza')
  })
})

describe('shortSubject', () => {
  it.each([
    [ANA, 'd68bffd7…'],
    ['ana.souza', 'ana.souza'],
  ])('%s → %s', (subject, short) => {
    expect(shortSubject(subject)).toBe(short)
  })
})

describe('the overview\'s locale files', () => {
  it.each([
    ['en', en],
    ['pt-BR', ptBR],
  ])('%s has a sentence for every action told as one, naming the actor and exactly its slots', (_, messages) => {
    const sentences = messages.overview.recent.sentence as Record<string, string>
    const slotsOf = (text: string) => [
      ...text.matchAll(/\{(\w+)\}/g),
    ].map(match => match[1]).sort()
    for (const [action, slots] of Object.entries(AUDIT_SENTENCES)) {
      const text = sentences[action.replaceAll('.', '_')]
      expect(text, action).toBeTypeOf('string')
      expect(slotsOf(text!), action).toEqual(['actor', ...slots].sort())
    }
    expect(Object.keys(sentences)).toHaveLength(Object.keys(AUDIT_SENTENCES).length)
  })

  it('has the same keys in en and pt-BR', () => {
    const keys = (value: unknown, prefix = ''): string[] => typeof value === 'object' && value
      ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
      : [prefix]
    expect(keys(ptBR)).toEqual(keys(en))
  })
})
