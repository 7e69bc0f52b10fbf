import { ZFlag } from '@dezky/contracts'
import { ZFlagOverrideParams } from '../../../../../../internal/flag-params'

export default defineEventHandler(async (event) => {
  const { key, environment, scope, scopeId } = await getValidatedRouterParams(event, ZFlagOverrideParams.parse)
  return callPlatformApi(event, `/flags/${key}/overrides/${environment}/${scope}/${encodeURIComponent(scopeId)}`, {
    method: 'DELETE',
    schema: ZFlag,
  })
})
