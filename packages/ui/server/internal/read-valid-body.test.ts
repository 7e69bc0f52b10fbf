// Here, not beside the util: Nitro imports every file in server/utils/, a test among them.
import { createApp, eventHandler, toWebHandler } from 'h3'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readValidBody } from '../utils/read-valid-body'

const ZBody = z.object({
  name: z.string().min(1),
  dependencies: z.array(z.object({
    feature: z.string().regex(/^[a-z]+$/),
  })).default([]),
}).strict()

const handle = toWebHandler(createApp().use('/', eventHandler(event => readValidBody(event, ZBody))))

function post(body: string) {
  return handle(new Request('http://bff.test/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  }))
}

describe('readValidBody', () => {
  it('answers the parsed body, defaults filled in', async () => {
    const response = await post(JSON.stringify({ name: 'Card' }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'Card', dependencies: [] })
  })

  it('refuses a bad body with each issue at the path the API would name', async () => {
    const response = await post(JSON.stringify({
      name: '',
      dependencies: [
        { feature: 'Bad Key' },
      ],
      colour: 'red',
    }))
    expect(response.status).toBe(400)
    const { statusMessage, data } = await response.json() as { statusMessage: string, data: { requestId: string, errors: { path: string, message: string }[] } }
    // The same safe message and request id as a 400 the API answers, both through problemError.
    expect(statusMessage).toBe('The request was not valid.')
    expect(data.requestId).toBe(response.headers.get('x-request-id'))
    expect(data.errors.map(error => error.path)).toEqual(['body.name', 'body.dependencies.0.feature', 'body'])
    expect(data.errors.every(error => error.message.length > 0)).toBe(true)
  })

  it('refuses a body that is not JSON with a 400, not a 500', async () => {
    expect((await post('{not json')).status).toBe(400)
  })
})
