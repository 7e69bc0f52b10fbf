import { z } from 'zod'
import { ZFlagSegmentParams } from '../../internal/flag-params'

// A segment some flag's rule still uses is refused by the API (409).
export default defineEventHandler(async (event) => {
  const { id } = await getValidatedRouterParams(event, ZFlagSegmentParams.parse)
  await callPlatformApi(event, `/flag-segments/${id}`, {
    method: 'DELETE',
    schema: z.undefined(),
  })
  setResponseStatus(event, 204)
  return null
})
