import { ZFlagEnvironment } from '@dezky/contracts'
import { z } from 'zod'

export default defineEventHandler(event => callPlatformApi(event, '/flag-environments', {
  schema: z.array(ZFlagEnvironment),
}))
