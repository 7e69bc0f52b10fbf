import { ZFlagListItem, ZPage } from '@dezky/contracts'

export default defineEventHandler(event => callPlatformApi(event, '/flags/stale', {
  schema: ZPage(ZFlagListItem),
}))
