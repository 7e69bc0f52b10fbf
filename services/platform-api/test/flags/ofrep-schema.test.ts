import type { TestApi } from '../test-api'
import { readFileSync } from 'node:fs'
import process from 'node:process'
import { ZOfrepBulkEvaluationFailure, ZOfrepBulkEvaluationSuccess, ZOfrepEvaluationFailure, ZOfrepEvaluationSuccess } from '@dezky/contracts'
import addFormats from 'ajv-formats'
import Ajv2020 from 'ajv/dist/2020'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

/*
 * Every kind of OFREP answer the API gives, checked against our transcription of the OFREP schemas
 * (packages/contracts) always, and against the upstream OpenAPI document itself when OFREP_OPENAPI names
 * a copy of it (open-feature/protocol `service/openapi.yaml`; not kept in this repository).
 */

let api: TestApi
let member: string
const answers: { name: string, status: number, schema: string, body: unknown }[] = []

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
  const lead = await api.token(['operator:ops_lead'])
  member = await api.token(['tenant:acme:member'])
  for (const [key, rule] of [
    [
      'schema.on',
      { state: 'on' },
    ],
    [
      'schema.rollout',
      { state: 'rollout', rolloutPercent: 50, stickiness: 'tenant' },
    ],
    [
      'schema.variants',
      {
        state: 'on',
        variants: [
          {
            name: 'blue',
            weight: 1,
            payload: { type: 'string', value: '#00f' },
          },
        ],
      },
    ],
    [
      'schema.targeted',
      {
        state: 'targeted',
        strategies: [
          {
            name: 'default',
            constraints: [
              {
                contextName: 'plan',
                operator: 'IN',
                values: ['enterprise'],
              },
            ],
          },
        ],
      },
    ],
  ] as const) {
    await api.request('POST', '/flags', {
      token: lead,
      body: { key, name: key, type: 'release' },
    })
    await api.request('PUT', `/flags/${key}/environments/development`, { token: lead, body: rule })
  }
  await api.request('POST', '/flags', {
    token: lead,
    body: { key: 'schema.killed', name: 'Killed', type: 'kill-switch' },
  })
  await api.request('POST', '/flags/schema.killed/kill', {
    token: lead,
    body: { reason: 'Schema check' },
  })
  const call = async (name: string, schema: string, path: string, body: unknown) => {
    const response = await api.request('POST', path, { token: member, body })
    answers.push({
      name,
      status: response.status,
      schema,
      body: await response.json(),
    })
  }
  await call('bulk', 'bulkEvaluationSuccess', '/ofrep/v1/evaluate/flags', {
    context: { appName: 'schema' },
  })
  await call('single', 'serverEvaluationSuccess', '/ofrep/v1/evaluate/flags/schema.variants', { context: {} })
  await call('single killed', 'serverEvaluationSuccess', '/ofrep/v1/evaluate/flags/schema.killed', { context: {} })
  await call('not found', 'flagNotFound', '/ofrep/v1/evaluate/flags/schema.missing', { context: {} })
  await call('bulk invalid context', 'bulkEvaluationFailure', '/ofrep/v1/evaluate/flags', { context: 42 })
  await call('single invalid context', 'evaluationFailure', '/ofrep/v1/evaluate/flags/schema.on', { context: [] })
})
afterAll(() => api?.close())

const ZOD = {
  bulkEvaluationSuccess: ZOfrepBulkEvaluationSuccess,
  serverEvaluationSuccess: ZOfrepEvaluationSuccess,
  flagNotFound: ZOfrepEvaluationFailure,
  bulkEvaluationFailure: ZOfrepBulkEvaluationFailure,
  evaluationFailure: ZOfrepEvaluationFailure,
} as const

describe('oFREP answers', () => {
  it('gives every kind of answer with its status', () => {
    expect(answers.map(answer => [answer.name, answer.status])).toEqual([
      ['bulk', 200],
      ['single', 200],
      ['single killed', 200],
      ['not found', 404],
      ['bulk invalid context', 400],
      ['single invalid context', 400],
    ])
    const bulk = ZOfrepBulkEvaluationSuccess.parse(answers[0]!.body)
    expect(bulk.flags.map(flag => flag.key)).toEqual(expect.arrayContaining([
      'schema.on',
      'schema.rollout',
      'schema.variants',
      'schema.targeted',
      'schema.killed',
    ]))
  })

  it('matches the OFREP schemas as transcribed in @dezky/contracts', () => {
    for (const answer of answers)
      expect(() => ZOD[answer.schema as keyof typeof ZOD].parse(answer.body), answer.name).not.toThrow()
  })

  const documentPath = process.env.OFREP_OPENAPI
  it.skipIf(!documentPath)('matches the upstream OFREP OpenAPI document (set OFREP_OPENAPI to its path)', () => {
    const document = parse(readFileSync(documentPath!, 'utf8')) as { openapi: string, components: { schemas: Record<string, unknown> } }
    expect(document.openapi).toMatch(/^3\.1\./)
    // OFREP 0.3's codeDefaultFlag ("no value: use the code default") is `{ type: object, properties: {} }`,
    // which every answer matches, so its `oneOf` with booleanFlag can never hold for an answer with a
    // value. Its description says it has no `value`; say so in the schema, so `oneOf` means what it says.
    const codeDefault = document.components.schemas.codeDefaultFlag as Record<string, unknown> | undefined
    if (codeDefault && !('not' in codeDefault)) {
      document.components.schemas.codeDefaultFlag = {
        ...codeDefault,
        not: {
          required: ['value'],
        },
      }
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema({ $id: 'ofrep', components: document.components })
    for (const answer of answers) {
      const validate = ajv.getSchema(`ofrep#/components/schemas/${answer.schema}`)
      expect(validate, `schema ${answer.schema}`).toBeDefined()
      expect(validate!(answer.body), `${answer.name}: ${JSON.stringify(validate!.errors)}`).toBe(true)
    }
  })
})
