import type { Twins } from '@dezky/twins'
import type { Database } from '../src/db/client'
import type { ProvisioningStep, StepName } from '../src/provisioning/step'
import type { Reconciler, ReconcilerOptions } from '../src/provisioning/worker/start-reconciler'
import { startTwins } from '@dezky/twins'
import pino from 'pino'
import { loadConfig } from '../src/config'
import { createSteps } from '../src/provisioning/create-steps'
import { STEP_NAMES } from '../src/provisioning/step'
import { startReconciler } from '../src/provisioning/worker/start-reconciler'

/** One upstream HTTP call a step made, as sent, with how long its answer took. */
export interface RecordedCall {
  step: StepName
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  ms: number
}

export interface ProvisioningBenchEnv {
  twins: Twins
  steps: Record<StepName, ProvisioningStep>
  /** Every upstream HTTP call since the last `clearCalls`, in the order they were sent. */
  calls: () => RecordedCall[]
  clearCalls: () => void
  startWorker: (overrides?: Partial<ReconcilerOptions>) => Reconciler
  close: () => Promise<void>
}

/** Fixed upstream latency of the latency-bound benchmarks (twins answer in well under a millisecond). */
export const UPSTREAM_LATENCY_MS = 20

/**
 * The twins of every upstream and the four steps built exactly as the API builds them (createSteps from
 * the config), each step with its own recording `fetch`, so a benchmark knows which calls a step made
 * and can issue the same requests again directly.
 */
export async function startProvisioningBenchEnv(db: Database, options: { dkimDelayMs?: number } = {}): Promise<ProvisioningBenchEnv> {
  const twins = await startTwins({ dkimDelayMs: options.dkimDelayMs ?? 50 })
  let calls: RecordedCall[] = []
  const config = loadConfig({ ...twins.env, UPSTREAM_TIMEOUT_MS: '10000', LOG_LEVEL: 'silent' })
  const recordingFetch = (step: StepName): typeof fetch => async (input, init) => {
    const request = new Request(input, init)
    const body = init?.body === undefined || init.body === null
      ? undefined
      : String(init.body)
    const headers: Record<string, string> = {}
    request.headers.forEach((value, key) => (headers[key] = value))
    const started = performance.now()
    const response = await fetch(input, init)
    calls.push({
      step,
      method: request.method,
      url: request.url,
      headers,
      body,
      ms: performance.now() - started,
    })
    return response
  }
  const steps = Object.fromEntries(STEP_NAMES.map(step => [step, createSteps(config, {
    fetch: recordingFetch(step),
  })[step]])) as Record<StepName, ProvisioningStep>
  const workers: Reconciler[] = []
  return {
    twins,
    steps,
    calls: () => [...calls],
    clearCalls: () => {
      calls = []
    },
    startWorker(overrides = {}) {
      const worker = startReconciler({
        db,
        steps,
        logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }),
        concurrency: 4,
        pollMs: 1000,
        leaseMs: 30_000,
        resyncMs: 3_600_000,
        backoff: { baseMs: 50, maxMs: 1000 },
        ...overrides,
      })
      workers.push(worker)
      return worker
    },
    async close() {
      await Promise.all(workers.map(worker => worker.stop()))
      await twins.stop()
    },
  }
}

/** Sends recorded calls again, one after another as a step sends them, and returns the milliseconds. */
export async function replaySequentially(calls: readonly RecordedCall[]): Promise<number> {
  const started = performance.now()
  for (const call of calls) {
    const response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body })
    await response.arrayBuffer()
    if (!response.ok)
      throw new Error(`replayed ${call.method} ${call.url} answered ${response.status}`)
  }
  return performance.now() - started
}

/** Sets the same fixed latency on every HTTP upstream twin (no jitter, no faults). */
export function setUpstreamLatency(twins: Twins, latencyMs: number): void {
  for (const twin of [twins.idp.authentik, twins.stalwart, twins.ocis])
    twin.setFaults({ latencyMs })
}
