import { ZFlag, ZFlagOverrideSet } from '@dezky/contracts'
import { ZFlagOverrideParams } from '../../../../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key, environment, scope, scopeId } = await getValidatedRouterParams(event, ZFlagOverrideParams.parse)
  const body = await readValidBody(event, ZFlagOverrideSet)
  return callPlatformApi(event, `/flags/${key}/overrides/${environment}/${scope}/${encodeURIComponent(scopeId)}`, {
    method: 'PUT',
    body,
    schema: ZFlag,
  })
})
