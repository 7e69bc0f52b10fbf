import { ZFlag, ZFlagKillRequest } from '@dezky/contracts'
import { ZFlagParams } from '../../../internal/flag-params'

// flag:kill (super admins, ops leads, technicians) is checked by the API; the reason is required and audited.
export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  const body = await readValidBody(event, ZFlagKillRequest)
  return callPlatformApi(event, `/flags/${key}/restore`, { method: 'POST', body, schema: ZFlag })
})
