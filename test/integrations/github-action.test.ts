import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A workspace as GitHub prepares it: the checked-out repository and the files behind GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-action-'));
  cpSync(resolve('fixtures/e2e/bad.yaml'), join(dir, 'deploy/web.yaml'), { recursive: true });
  cpSync(resolve('fixtures/e2e/good.yaml'), join(dir, 'deploy/settings.yaml'));
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  return {
    dir,
    env: {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, 'output.txt'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      INPUT_PATHS: 'deploy',
      'INPUT_SARIF-FILE': 'stslint.sarif',
    },
  };
}

function runActionProcess(env: NodeJS.ProcessEnv) {
  const child = spawnSync(process.execPath, [resolve('bin/stslint-action.js')], { env, cwd: tmpdir(), encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('GitHub Action entry point (bin/stslint-action.js, with the environment GitHub sets)', () => {
  it('annotates, writes outputs, the job summary and the SARIF file, and fails on errors', () => {
    const { dir, env } = workspace();
    const { code, stdout, stderr } = runActionProcess(env);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'deploy/web.yaml')}\n  8:7  error  Selector label`);
    expect(stdout).toContain('::error file=deploy/web.yaml,line=8,col=7,endLine=8,endColumn=15,title=selector-label-mismatch::Selector label app=web');
    expect(readFileSync(env.GITHUB_OUTPUT!, 'utf8')).toBe('error-count=1\nwarning-count=0\n');
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toContain('## stslint\n\n1 error and 0 warnings in 2 files.\n');
    expect(summary).toContain('| deploy/web.yaml:8:7 | error | selector-label-mismatch | Selector label app=web');
    const sarif = JSON.parse(readFileSync(join(dir, 'stslint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/web.yaml');
  });

  it('passes on clean manifests and honours max-warnings', () => {
    const { env } = workspace();
    expect(runActionProcess({ ...env, INPUT_PATHS: 'deploy/settings.yaml' }).code).toBe(0);
    const { code } = runActionProcess({ ...env, 'INPUT_MAX-WARNINGS': '0', INPUT_PATHS: 'deploy/web.yaml' });
    expect(code).toBe(1);
  });

  it('creates the directories of sarif-file, and says why it fails on too many warnings', () => {
    const { dir, env } = workspace();
    writeFileSync(join(dir, 'deploy/sts.yaml'), 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 1\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: c, image: busybox:1.36}]}\n');
    const { code, stdout } = runActionProcess({ ...env, INPUT_PATHS: 'deploy/sts.yaml', 'INPUT_SARIF-FILE': 'reports/ci/stslint.sarif', 'INPUT_MAX-WARNINGS': '0' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/\(0 errors, (\d+) warnings?\): too many warnings, at most 0 allowed \(--max-warnings\)\n/);
    expect(stdout).toMatch(/\nstslint: too many warnings: \d+ found, at most 0 allowed \(--max-warnings\): exit 1\n$/);
    expect(JSON.parse(readFileSync(join(dir, 'reports/ci/stslint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('exits 2 with one line on a usage problem', () => {
    const { env } = workspace();
    const { code, stdout } = runActionProcess({ ...env, INPUT_PATHS: 'missing/' });
    expect(code).toBe(2);
    expect(stdout).toBe('stslint: No such file or directory: missing/\n');
  });

  it('keeps manifest text out of the summary markup', () => {
    const { dir, env } = workspace();
    const hostile = readFileSync(join(dir, 'deploy/web.yaml'), 'utf8').replace('app: web', 'app: "<img src=x>|`x`"');
    writeFileSync(join(dir, 'deploy/web.yaml'), hostile);
    runActionProcess(env);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).not.toContain('<img');
    expect(summary).toContain('&lt;img src=x&gt;\\|\\`x\\`');
  });
});
