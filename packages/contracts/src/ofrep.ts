import { z } from 'zod'

// OFREP (OpenFeature Remote Evaluation Protocol), transcribed from its OpenAPI document
// (open-feature/protocol, service/openapi.yaml).

/** The reasons OFREP's evaluationSuccess allows (a subset of OpenFeature's: no DEFAULT, no ERROR). */
export const OFREP_REASONS = [
  'STATIC',
  'TARGETING_MATCH',
  'SPLIT',
  'DISABLED',
  'UNKNOWN',
] as const
export type TOfrepReason = typeof OFREP_REASONS[number]
export const OFREP_ERROR_CODES = [
  'PARSE_ERROR',
  'TARGETING_KEY_MISSING',
  'INVALID_CONTEXT',
  'FLAG_NOT_FOUND',
  'GENERAL',
] as const

export const ZOfrepContext = z.record(z.string(), z.unknown())
export const ZOfrepEvaluationRequest = z.object({ context: ZOfrepContext })

export const ZOfrepMetadata = z.record(z.string(), z.union([
  z.boolean(),
  z.string(),
  z.number(),
]))

export const ZOfrepEvaluationSuccess = z.object({
  key: z.string(),
  value: z.boolean(),
  reason: z.enum(OFREP_REASONS),
  variant: z.string().optional(),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepEvaluationSuccess = z.infer<typeof ZOfrepEvaluationSuccess>

export const ZOfrepEvaluationFailure = z.object({
  key: z.string(),
  errorCode: z.enum(OFREP_ERROR_CODES),
  errorDetails: z.string().optional(),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepEvaluationFailure = z.infer<typeof ZOfrepEvaluationFailure>

export const ZOfrepBulkEvaluationSuccess = z.object({
  flags: z.array(z.union([ZOfrepEvaluationSuccess, ZOfrepEvaluationFailure])),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepBulkEvaluationSuccess = z.infer<typeof ZOfrepBulkEvaluationSuccess>

export const ZOfrepBulkEvaluationFailure = z.object({
  errorCode: z.enum(OFREP_ERROR_CODES),
  errorDetails: z.string().optional(),
})
