import { ZCreateOperator, ZOperator } from '@dezky/contracts'

// Only super admins manage the team: the API decides and answers 403 to anyone else.
export default defineEventHandler(async (event) => {
  const body = await readValidBody(event, ZCreateOperator)
  const operator = await callPlatformApi(event, '/operators', {
    method: 'POST',
    body,
    schema: ZOperator,
  })
  setResponseStatus(event, 201)
  return operator
})
