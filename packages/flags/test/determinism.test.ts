import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { evaluationTranscript, TRANSCRIPT_IDS } from './fixtures/evaluation-transcript'

const run = promisify(execFile)
const script = fileURLToPath(new URL('./fixtures/print-evaluation-transcript.ts', import.meta.url))
// `--import tsx` resolves from the working directory: the package's, wherever the runner was started.
const cwd = fileURLToPath(new URL('..', import.meta.url))

// A user must get the same answer from every API process (and after a restart): nothing in the hash
// or the evaluation may depend on process state such as insertion order or a per-process seed.
describe('determinism across processes', () => {
  it('gives byte-identical hashes and evaluations for 10 000 ids in three child processes', async () => {
    const parent = evaluationTranscript()
    expect(parent.split('\n')).toHaveLength(TRANSCRIPT_IDS + 1)
    const children = await Promise.all([1, 2, 3].map(() =>
      run(process.execPath, ['--import', 'tsx', script], { cwd, maxBuffer: 64 * 1024 * 1024 })))
    for (const child of children)
      expect(child.stdout === parent).toBe(true)
  }, 60_000)
})
