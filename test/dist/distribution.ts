/**
 * What the tests of stslint's distributions share: the real corpus and the report of the npm CLI of this checkout
 * (bin/stslint.js over dist/, built by `npm run build`), which every other build must reproduce byte for byte.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Real public manifests (see ../shared/corpus/SOURCES.md), never copied into the repository. */
export const CORPUS = resolve('../shared/corpus');
export const HAS_CORPUS = existsSync(CORPUS);

const made: string[] = [];

/** A new empty directory under the system's temporary directory, removed by removeTemporaryDirs(). */
export function emptyDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `stslint-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory emptyDir() made in this test file (clones, installs and executables: megabytes each). */
export function removeTemporaryDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * `command ...args lint CORPUS -f json` from `cwd`, with an environment holding only PATH (no NODE_PATH, no npm
 * variables): what a user's shell gives a program.
 */
export function lintCorpus(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, [...args, 'lint', CORPUS, '-f', 'json'], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The npm CLI's JSON report on the corpus, from `cwd` (an empty directory, so that no config file is found). */
export function referenceReport(cwd: string): SpawnSyncReturns<string> {
  return lintCorpus(process.execPath, [resolve('bin/stslint.js')], cwd);
}
