// Builds the Kubernetes oracle (this directory's Go module) into oracle/bin/oracle with the Go on PATH.
// `npm run oracle` runs it; the test suite's global setup (test/oracle/global-setup.ts) calls buildOracle().
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ORACLE_DIR = dirname(fileURLToPath(import.meta.url));
export const ORACLE_BINARY = join(ORACLE_DIR, 'bin', process.platform === 'win32' ? 'oracle.exe' : 'oracle');

/** The first build downloads about 70 MB of modules and compiles about 1,000 packages (about 2 minutes here). */
export const BUILD_TIMEOUT_MS = 20 * 60_000;

/**
 * The Go version on PATH (`go1.26.8`), or null when there is no `go` command.
 * @returns {string | null}
 */
export function goVersion() {
  const result = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Builds (or, when up to date, only checks) the oracle binary; Go's build cache makes a rebuild without changes
 * take about a second. VCS stamping is off: the module sits in a git worktree whose metadata Go need not read.
 * @returns {{ binary: string, seconds: number }}
 * @throws {Error} with Go's output when the build fails or exceeds BUILD_TIMEOUT_MS.
 */
export function buildOracle() {
  const started = Date.now();
  const result = spawnSync('go', ['build', '-buildvcs=false', '-ldflags=-s -w', '-o', ORACLE_BINARY, '.'], {
    cwd: ORACLE_DIR,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `go build exited with ${result.status}`;
    throw new Error(`building the oracle failed (${why}):\n${result.stderr ?? ''}`);
  }
  return { binary: ORACLE_BINARY, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = goVersion();
  if (!version) {
    console.error('oracle: no `go` command on PATH; install Go 1.26 or newer');
    process.exit(2);
  }
  try {
    const { binary, seconds } = buildOracle();
    console.log(`oracle: built ${binary} with ${version} in ${seconds.toFixed(1)} s`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
