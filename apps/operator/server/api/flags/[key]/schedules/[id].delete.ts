import { ZFlag } from '@dezky/contracts'
import { ZFlagScheduleParams } from '../../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key, id } = await getValidatedRouterParams(event, ZFlagScheduleParams.parse)
  return callPlatformApi(event, `/flags/${key}/schedules/${id}`, { method: 'DELETE', schema: ZFlag })
})
