import { ZCreatePartner, ZPartner } from '@dezky/contracts'

// Whether the caller may create partners is the API's decision (super admins and ops leads).
export default defineEventHandler(async (event) => {
  const body = await readValidBody(event, ZCreatePartner)
  const partner = await callPlatformApi(event, '/partners', {
    method: 'POST',
    body,
    schema: ZPartner,
  })
  setResponseStatus(event, 201)
  return partner
})
