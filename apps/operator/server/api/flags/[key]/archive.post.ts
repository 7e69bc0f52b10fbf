import { ZFlag } from '@dezky/contracts'
import { ZFlagParams } from '../../../internal/flag-params'

// The API archives with DELETE /flags/:key (a flag is never erased: its history stays readable).
export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  return callPlatformApi(event, `/flags/${key}`, { method: 'DELETE', schema: ZFlag })
})
