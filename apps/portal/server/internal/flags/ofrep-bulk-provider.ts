import type { EvaluationResponse } from '@openfeature/ofrep-core'
import type { EvaluationContext, FlagValue, JsonValue, Provider, ResolutionDetails } from '@openfeature/server-sdk'
import { handleEvaluationError, isEvaluationFailureResponse, toResolutionDetails } from '@openfeature/ofrep-core'
import { ErrorCode, StandardResolutionReasons } from '@openfeature/server-sdk'

/** Every flag's evaluation for one context, from one OFREP bulk request. */
export type TLoadBulkEvaluation = (context: EvaluationContext) => Promise<EvaluationResponse[]>

/**
 * An OpenFeature server provider that answers every flag of an evaluation context from ONE OFREP bulk
 * evaluation (`POST /ofrep/v1/evaluate/flags`), which `loadBulk` fetches and memoises (per request, in the
 * BFF). The official `@openfeature/ofrep-provider` for servers sends one `POST /ofrep/v1/evaluate/flags/{key}`
 * per evaluated flag (and still pins ofrep-core 0.1): a page reading several flags would pay one API call
 * each. A flag the bulk does not list resolves to the default with FLAG_NOT_FOUND; a failed bulk (API down,
 * 401/403) to the default with GENERAL: the caller always gets a value.
 */
export class OfrepBulkProvider implements Provider {
  readonly metadata = { name: 'dezky-ofrep-bulk' } as const
  readonly runsOn = 'server'

  constructor(private readonly loadBulk: TLoadBulkEvaluation) {}

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext) {
    return this.resolve(flagKey, defaultValue, context)
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext) {
    return this.resolve(flagKey, defaultValue, context)
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext) {
    return this.resolve(flagKey, defaultValue, context)
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext) {
    return this.resolve(flagKey, defaultValue, context)
  }

  private async resolve<T extends FlagValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    let flags: EvaluationResponse[]
    try {
      flags = await this.loadBulk(context)
    }
    catch (error) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.GENERAL,
        errorMessage: (error as Error).message,
      }
    }
    const answer = flags.find(flag => flag.key === flagKey)
    if (!answer) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.FLAG_NOT_FOUND,
        errorMessage: `${flagKey} is not a live flag`,
      }
    }
    return isEvaluationFailureResponse(answer)
      ? handleEvaluationError(answer, defaultValue)
      : toResolutionDetails(answer, defaultValue) as ResolutionDetails<T>
  }
}
