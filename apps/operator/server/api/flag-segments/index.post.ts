import { ZFlagSegment, ZFlagSegmentWrite } from '@dezky/contracts'

// flag:write (super admins, ops leads) is checked by the API; a name taken already is its 409.
export default defineEventHandler(async (event) => {
  const body = await readValidBody(event, ZFlagSegmentWrite)
  const segment = await callPlatformApi(event, '/flag-segments', { method: 'POST', body, schema: ZFlagSegment })
  setResponseStatus(event, 201)
  return segment
})
