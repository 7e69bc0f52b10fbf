import type { TestApi } from './test-api'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../src/routes'
import { createTestApi } from './test-api'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api?.close())

describe('gET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await (await api.request('GET', '/openapi.json')).json()
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('documents every route of the route table, with its operation id', async () => {
    const document = await (await api.request('GET', '/openapi.json')).json()
    for (const route of ROUTES) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()]
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.operationId)
    }
  })
})
