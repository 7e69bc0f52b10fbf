import { ZFlagSegment } from '@dezky/contracts'
import { z } from 'zod'

export default defineEventHandler(event => callPlatformApi(event, '/flag-segments', {
  schema: z.array(ZFlagSegment),
}))
