import type { TDomainRecord } from '@dezky/contracts'
import { describe, expect, it } from 'vitest'
import { groupDomainRecords } from './group-domain-records'

function record(purpose: string, value = `${purpose} value`): TDomainRecord {
  return {
    domain: 'acme.example',
    type: 'TXT',
    name: `${purpose}.acme.example`,
    value,
    purpose,
    required: false,
    check: { status: 'unchecked', found: [], checkedAt: null },
  }
}

function shape(records: TDomainRecord[]) {
  return groupDomainRecords(records).map(entry => [
    entry.group,
    entry.records.map(({ record, index }) => `${record.purpose}-${index}`),
  ])
}

describe('groupDomainRecords', () => {
  it('puts the groups in publishing order, whatever order the API used', () => {
    const records = [
      'srv',
      'dmarc',
      'dkim',
      'mx',
      'verification',
      'tls-rpt',
      'spf',
      'mta-sts',
      'autoconfig',
    ].map(purpose => record(purpose))
    expect(shape(records).map(([group]) => group)).toEqual([
      'verification',
      'mx',
      'spf',
      'dkim',
      'dmarc',
      'mta-sts',
      'tls-rpt',
      'autoconfig',
      'srv',
    ])
  })

  it('numbers records per purpose and keeps their order inside a group', () => {
    const records = [
      record('dkim', 'rsa key'),
      record('mx', 'mx1'),
      record('dkim', 'ed25519 key'),
      record('mx', 'mx2'),
    ]
    const groups = groupDomainRecords(records)
    expect(shape(records)).toEqual([
      [
        'mx',
        ['mx-0', 'mx-1'],
      ],
      [
        'dkim',
        ['dkim-0', 'dkim-1'],
      ],
    ])
    expect(groups[1]!.records.map(({ record }) => record.value)).toEqual(['rsa key', 'ed25519 key'])
  })

  it('shows autodiscover with autoconfig, each numbered by its own purpose', () => {
    expect(shape([
      record('autodiscover'),
      record('autoconfig'),
      record('autodiscover'),
    ]))
      .toEqual([
        [
          'autoconfig',
          ['autodiscover-0', 'autoconfig-0', 'autodiscover-1'],
        ],
      ])
  })

  it('collects purposes it does not know at the end, under other', () => {
    expect(shape([
      record('bimi'),
      record('mx'),
      record('other'),
    ]))
      .toEqual([
        [
          'mx',
          ['mx-0'],
        ],
        [
          'other',
          ['bimi-0', 'other-0'],
        ],
      ])
  })

  it('leaves out empty groups and handles no records', () => {
    expect(shape([])).toEqual([])
    expect(shape([
      record('verification'),
    ])).toEqual([
      [
        'verification',
        ['verification-0'],
      ],
    ])
  })
})
