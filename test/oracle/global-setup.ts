import type { TestProject } from 'vitest/node';
import { buildOracle, goVersion } from '../../oracle/build.mjs';
import type { OracleStatus } from './client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    oracle: OracleStatus;
  }
}

/**
 * Builds the Kubernetes oracle once per test run when Go is on PATH (a second or so when it is up to date), and
 * tells the oracle tests where it is or why they skip. STSLINT_ORACLE=off skips it on purpose.
 */
export default function setup(project: TestProject): void {
  project.provide('oracle', status());
}

function status(): OracleStatus {
  if (process.env.STSLINT_ORACLE === 'off') return note({ skip: 'STSLINT_ORACLE=off' });
  const go = goVersion();
  if (!go) return note({ skip: 'no `go` command on PATH' });
  try {
    const { binary, seconds } = buildOracle();
    console.log(`oracle: ${binary} built with ${go} (${seconds.toFixed(1)} s)`);
    return { binary };
  } catch (error) {
    console.error(`oracle: ${(error as Error).message}`);
    return { error: (error as Error).message };
  }
}

function note(status: OracleStatus): OracleStatus {
  console.log(`oracle: the Kubernetes oracle tests are skipped: ${status.skip}`);
  return status;
}
