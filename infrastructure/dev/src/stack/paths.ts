import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file so the stack behaves the same from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

export interface StackPaths {
  root: string
  /** Everything the stack keeps between runs; gitignored. */
  dataDir: string
  postgresDir: string
  idpKeystore: string
  secretsFile: string
}

/** `dataDir` defaults to DEZKY_DATA_DIR (relative to the root), the API's own setting, else `.data`. */
export function stackPaths(root = REPO_ROOT, dataDir = resolve(root, process.env.DEZKY_DATA_DIR || '.data')): StackPaths {
  return {
    root,
    dataDir,
    // The platform API puts its embedded cluster here (DEZKY_DATA_DIR/postgres).
    postgresDir: join(dataDir, 'postgres'),
    idpKeystore: join(dataDir, 'idp', 'signing-keys.json'),
    secretsFile: join(dataDir, 'dev-secrets.json'),
  }
}
