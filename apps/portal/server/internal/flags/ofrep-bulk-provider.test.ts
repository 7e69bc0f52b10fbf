import type { EvaluationResponse } from '@openfeature/ofrep-core'
import type { EvaluationContext } from '@openfeature/server-sdk'
import { ErrorCode, OpenFeature } from '@openfeature/server-sdk'
import { describe, expect, it } from 'vitest'
import { OfrepBulkProvider } from './ofrep-bulk-provider'

const BULK: EvaluationResponse[] = [
  {
    key: 'portal.setup-checklist',
    value: true,
    reason: 'STATIC',
    variant: 'on',
    metadata: { decision: 'on', flagVersion: 3 },
  },
  {
    key: 'billing.new-invoices',
    value: false,
    reason: 'DISABLED',
    variant: 'off',
    metadata: { decision: 'killed' },
  },
  {
    key: 'mail.large-attachments',
    value: true,
    reason: 'TARGETING_MATCH',
    variant: 'big',
  },
  { key: 'portal.broken', errorCode: ErrorCode.PARSE_ERROR, errorDetails: 'bad rule' },
]

/** A client on its own OpenFeature domain, answered by a provider over `load`; the calls `load` got. */
function clientOver(load: (context: EvaluationContext) => Promise<EvaluationResponse[]>) {
  const calls: EvaluationContext[] = []
  const domain = `test-${Math.random()}`
  OpenFeature.setProvider(domain, new OfrepBulkProvider((context) => {
    calls.push(context)
    return load(context)
  }))
  return {
    client: OpenFeature.getClient(domain),
    calls,
  }
}

describe('ofrepBulkProvider through the OpenFeature SDK', () => {
  it.each([
    [
      'portal.setup-checklist',
      false,
      { value: true, variant: 'on', reason: 'STATIC' },
    ],
    [
      'billing.new-invoices',
      true,
      { value: false, variant: 'off', reason: 'DISABLED' },
    ],
    [
      'mail.large-attachments',
      false,
      { value: true, variant: 'big', reason: 'TARGETING_MATCH' },
    ],
    [
      'portal.unknown',
      true,
      { value: true, reason: 'ERROR', errorCode: ErrorCode.FLAG_NOT_FOUND },
    ],
    [
      'portal.broken',
      false,
      {
        value: false,
        reason: 'ERROR',
        errorCode: ErrorCode.PARSE_ERROR,
        errorMessage: 'bad rule',
      },
    ],
  ] as const)('%s (default %s) → %o', async (key, fallback, expected) => {
    const { client } = clientOver(async () => BULK)
    expect(await client.getBooleanDetails(key, fallback, { targetingKey: 'u1' })).toMatchObject(expected)
  })

  it('keeps the OFREP metadata as flag metadata', async () => {
    const { client } = clientOver(async () => BULK)
    const details = await client.getBooleanDetails('portal.setup-checklist', false)
    expect(details.flagMetadata).toEqual({ decision: 'on', flagVersion: 3 })
  })

  it('answers the default with TYPE_MISMATCH for a boolean flag read as a string', async () => {
    const { client } = clientOver(async () => BULK)
    expect(await client.getStringDetails('portal.setup-checklist', 'plain')).toMatchObject({
      value: 'plain',
      errorCode: ErrorCode.TYPE_MISMATCH,
    })
  })

  it('answers every flag with its default when the bulk evaluation fails', async () => {
    const { client } = clientOver(async () => {
      throw new Error('the OFREP bulk evaluation answered 503')
    })
    expect(await client.getBooleanDetails('portal.setup-checklist', false)).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: ErrorCode.GENERAL,
    })
    expect(await client.getBooleanValue('portal.setup-checklist', true)).toBe(true)
  })

  it('hands the loader the merged evaluation context (attributes the API may target on)', async () => {
    const { client, calls } = clientOver(async () => BULK)
    await client.getBooleanValue('portal.setup-checklist', false, {
      targetingKey: 'sub-1',
      tenant: 'acme',
      appName: 'portal',
      locale: 'pt-BR',
    })
    expect(calls).toEqual([
      {
        targetingKey: 'sub-1',
        tenant: 'acme',
        appName: 'portal',
        locale: 'pt-BR',
      },
    ])
  })
})
