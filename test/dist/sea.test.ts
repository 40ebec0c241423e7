import { spawnSync } from 'node:child_process';
import { cpSync, linkSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CORPUS, emptyDir, lintCorpus, referenceReport, removeTemporaryDirs } from './distribution.js';

/**
 * The single executable (`npm run build:sea`, scripts/sea.mjs) for this machine's platform, run from an empty
 * directory with no node_modules anywhere above it: it must answer as the npm CLI does, byte for byte.
 */
const ROOT = resolve('.');
const [major, minor] = process.versions.node.split('.').map(Number);

/** Why the executable cannot be built here, or '' when it can. */
function cannotBuild(): string {
  if (major < 20 || (major === 20 && minor < 12)) return `Node ${process.versions.node} has no SEA assets (20.12 or later)`;
  try {
    createRequire(import.meta.url).resolve('postject');
  } catch {
    return 'postject is not installed';
  }
  if (!readFileSync(process.execPath).includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2')) return `${process.execPath} has no SEA fuse`;
  return '';
}
const reason = cannotBuild();

describe.skipIf(reason !== '')(`the single executable${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let dir: string;
  let executable: string;

  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/sea.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build:sea failed:\n${built.stderr}`);
    dir = emptyDir('sea');
    executable = join(dir, basename(built.stdout.trim()));
    // A link, not a 110 MB copy, when the temporary directory is on the same file system.
    try {
      linkSync(join(ROOT, built.stdout.trim()), executable);
    } catch {
      cpSync(join(ROOT, built.stdout.trim()), executable);
    }
  }, 600_000);
  afterAll(removeTemporaryDirs);

  /** The executable and the npm CLI, each from a new empty directory holding the same files. */
  function both(args: string[], files: string[] = [], input?: string) {
    return [executable, process.execPath].map((command) => {
      const cwd = emptyDir('cwd');
      for (const file of files) cpSync(file, join(cwd, basename(file)), { recursive: true });
      const fullArgs = command === executable ? args : [resolve('bin/stslint.js'), ...args];
      const child = spawnSync(command, fullArgs, { cwd, input, encoding: 'utf8', env: { PATH: process.env.PATH } });
      return { status: child.status, stdout: child.stdout.replaceAll(cwd, '<cwd>'), stderr: child.stderr.replaceAll(cwd, '<cwd>') };
    });
  }

  it('prints the package version, with no warning on standard error', () => {
    const [sea, npm] = both(['--version']);
    expect(sea).toEqual(npm);
    expect(sea.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    expect(sea.stderr).toBe('');
  });

  it('reads standard input, a config file, and custom resources with their CRD (ajv inside the executable)', () => {
    const stdin = both(['lint', '-', '--stdin-filename', 'web.yaml'], [], readFileSync('fixtures/e2e/bad.yaml', 'utf8'));
    expect(stdin[0]).toEqual(stdin[1]);
    expect(stdin[0].stdout).toContain('8:7  error  Selector label app=web');
    const crd = both(['lint', 'crd', '-f', 'json'], ['fixtures/crd']);
    expect(crd[0]).toEqual(crd[1]);
    expect(crd[0].stdout).toContain('"ruleId":"schema"');
    const configured = both(['lint', '.'], ['.stslint.yaml', 'app.yaml', 'generated'].map((file) => `fixtures/e2e/configured/${file}`));
    expect(configured[0]).toEqual(configured[1]);
    expect(configured[0].stdout).toContain('8:7  warning  Selector label app=web');
    const badConfig = both(['lint', '.'], ['fixtures/e2e/badconfig/.stslint.yaml', 'fixtures/e2e/bad.yaml']);
    expect(badConfig[0]).toEqual(badConfig[1]);
    expect(badConfig[0].stderr).toMatch(/^stslint: <cwd>\/\.stslint\.yaml:2:3: /);
    expect(badConfig[0].status).toBe(2);
  });

  it.skipIf(!HAS_CORPUS)('lints the corpus as the npm CLI does, byte for byte (skipped without ../shared/corpus)', () => {
    const cwd = emptyDir('cwd');
    const reference = referenceReport(cwd);
    const child = lintCorpus(executable, [], cwd);
    expect(child.status).toBe(reference.status);
    expect(child.stderr).toBe(reference.stderr);
    expect(JSON.parse(child.stdout).length).toBeGreaterThan(90);
    expect(child.stdout === reference.stdout).toBe(true);
  }, 300_000);
});
