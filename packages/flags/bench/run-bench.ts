import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runSuite } from '@dezky/bench-kit'
import { benchBulkEvaluation } from './bench-bulk-evaluation'
import { benchSingleEvaluation } from './bench-single-evaluation'

// `pnpm --filter @dezky/flags bench [single|bulk]`: in-process only, nothing to start.
runSuite({
  benchmarks: { single: benchSingleEvaluation, bulk: benchBulkEvaluation },
  start: async () => ({
    env: undefined,
    stop: async () => {},
  }),
  resultsFile: join(tmpdir(), 'dezky-flags-bench-results.json'),
  table: { labels: true },
})
