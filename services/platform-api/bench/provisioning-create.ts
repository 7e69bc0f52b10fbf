import type { BenchResult } from '@dezky/bench-kit'
import type { BenchEnv } from './setup'
import process from 'node:process'
import { alternate, compare } from '@dezky/bench-kit'
import nodemailer from 'nodemailer'
import { seedFleet } from '../test/provisioning/convergence-fleet'
import { setUpstreamLatency, startProvisioningBenchEnv, UPSTREAM_LATENCY_MS } from './provisioning-env'
import { createFinishTracker } from './provisioning-tenant'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const DKIM_DELAY_MS = 50

/**
 * Create-to-ready of one new tenant (one domain, 3 members) with every HTTP twin at a fixed 20 ms:
 * from the commit of the transaction that creates it (createTenant + addTenantMember, as the API does)
 * until its onboarding step finished and the tenant turned active, against its critical path measured
 * in the same round — the longest of the identity, mail and files chains (each step's upstream calls in
 * the order it sent them, every attempt included, each call's measured duration; the mail chain plus
 * the DKIM key delay, 50 ms here), plus one SMTP send of the welcome mail timed on its own.
 */
export async function benchProvisioningCreate(env: BenchEnv): Promise<BenchResult> {
  const db = env.deps.db
  const upstream = await startProvisioningBenchEnv(db, { dkimDelayMs: DKIM_DELAY_MS })
  const tracker = createFinishTracker()
  let round = 0
  const chains: Record<string, number[]> = {
    identity: [],
    mail: [],
    files: [],
    smtp: [],
  }
  try {
    upstream.startWorker({ onFinished: tracker.onFinished })
    setUpstreamLatency(upstream.twins, UPSTREAM_LATENCY_MS)
    const smtp = nodemailer.createTransport({ url: upstream.twins.smtp.smtpUrl })
    const rounds = await alternate(ROUNDS, {
      createToReady: async () => {
        upstream.clearCalls()
        const [tenant] = await seedFleet(db, 1, `bench-new${++round}`)
        const committed = performance.now()
        const ready = await tracker.firstOk(tenant!.id, 'onboarding')
        const calls = upstream.calls()
        const chain = (step: string) => calls.filter(call => call.step === step).reduce((sum, call) => sum + call.ms, 0)
        chains.identity!.push(chain('identity'))
        chains.mail!.push(chain('mail') + DKIM_DELAY_MS)
        chains.files!.push(chain('files'))
        const sending = performance.now()
        await smtp.sendMail({
          from: 'bench@dezky.test',
          to: `owner@bench-new${round}.test`,
          subject: 'baseline',
          text: 'baseline',
        })
        chains.smtp!.push(performance.now() - sending)
        return ready - committed
      },
    })
    const critical = rounds.createToReady.map((_, index) =>
      Math.max(chains.identity![index]!, chains.mail![index]!, chains.files![index]!) + chains.smtp![index]!)
    return compare({
      name: 'create-to-ready of one tenant vs its critical path of upstream calls',
      unit: 'ms',
      labels: { baseline: 'critical path (longest step chain + DKIM delay + SMTP send)', candidate: 'create commit → active' },
      rounds: { baseline: critical, candidate: rounds.createToReady },
      goal: { comparison: '<=', ratio: 1.2 },
      notes: [
        { label: 'identity chain', rounds: chains.identity! },
        { label: 'mail chain incl. DKIM delay', rounds: chains.mail! },
        { label: 'files chain', rounds: chains.files! },
      ],
    })
  }
  finally {
    await upstream.close()
  }
}
