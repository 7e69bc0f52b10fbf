import { ZFlagSegment, ZFlagSegmentWrite } from '@dezky/contracts'
import { ZFlagSegmentParams } from '../../internal/flag-params'

// Every flag whose rule uses the segment changes with it: the API bumps them and tells the caches.
export default defineEventHandler(async (event) => {
  const { id } = await getValidatedRouterParams(event, ZFlagSegmentParams.parse)
  const body = await readValidBody(event, ZFlagSegmentWrite)
  return callPlatformApi(event, `/flag-segments/${id}`, { method: 'PUT', body, schema: ZFlagSegment })
})
