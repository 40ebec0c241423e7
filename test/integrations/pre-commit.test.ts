import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The real `pre-commit` program (Debian's package; .ci/run installs it) runs the hook defined in
 * .pre-commit-hooks.yaml from this repository, as a user's `try-repo` would: it clones the repository at HEAD (with
 * uncommitted changes to tracked files) and runs the committed standalone/stslint.mjs on the files given. The README's
 * configuration is tested in pre-commit-config.test.ts.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const ROOT = resolve('.');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: child.status, output: `${child.stdout}${child.stderr}` };
}

function userRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-pre-commit-'));
  copyFileSync(resolve('fixtures/e2e/good.yaml'), join(dir, 'good.yaml'));
  copyFileSync(resolve('fixtures/e2e/bad.yaml'), join(dir, 'bad.yaml'));
  run('git', ['init', '-q'], dir);
  run('git', ['add', '.'], dir);
  run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'manifests'], dir);
  return dir;
}

describe.skipIf(!hasPreCommit && !process.env.CI)('pre-commit hook (real pre-commit)', () => {
  it('passes on a good manifest and fails on a bad one', () => {
    expect(hasPreCommit, 'pre-commit must be installed in CI').toBe(true);
    const repo = userRepo();
    const env = { PRE_COMMIT_HOME: join(repo, '.cache') };
    const good = run('pre-commit', ['try-repo', ROOT, 'stslint', '--files', 'good.yaml'], repo, env);
    expect(good.output).toMatch(/stslint\.+Passed/);
    expect(good.code).toBe(0);
    const bad = run('pre-commit', ['try-repo', ROOT, 'stslint', '--files', 'bad.yaml'], repo, env);
    expect(bad.output).toMatch(/stslint\.+Failed/);
    expect(bad.output).toContain('8:7  error  Selector label app=web does not match the pod template');
    expect(bad.code).toBe(1);
  }, 600_000);
});
