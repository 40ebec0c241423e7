import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HAS_CORPUS, emptyDir, lintCorpus, referenceReport, removeTemporaryDirs } from './distribution.js';

/**
 * standalone/ (scripts/standalone.mjs): the committed bundles that the GitHub Action and the pre-commit hook run with
 * Node alone. They must be what `npm run build` makes of the sources, and must work from a directory that holds
 * nothing but them.
 */
const ROOT = resolve('.');
const isGitCheckout = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true';
const action = parse(readFileSync('action.yml', 'utf8'));
afterAll(removeTemporaryDirs);

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** A copy of the action as the runner downloads it: action.yml and standalone/, nothing else (no node_modules). */
function actionCheckout(): string {
  const dir = join(emptyDir('actions'), 'stslint', 'stslint', 'v0');
  mkdirSync(dir, { recursive: true });
  cpSync('action.yml', join(dir, 'action.yml'));
  cpSync('standalone', join(dir, 'standalone'), { recursive: true });
  return dir;
}

describe.skipIf(!isGitCheckout)('standalone/, as committed (skipped outside a git checkout)', () => {
  it('is what `npm run build` makes of this checkout: rebuild and commit it after every source change', () => {
    const fresh = join(emptyDir('standalone'), 'standalone');
    const built = spawnSync(process.execPath, ['scripts/standalone.mjs', '--out', fresh], { cwd: ROOT, encoding: 'utf8' });
    expect(built.stderr).toBe('');
    const paths = filesBelow(fresh);
    const hashes = spawnSync('git', ['hash-object', '--stdin-paths'], { cwd: ROOT, input: paths.map((path) => join(fresh, path)).join('\n'), encoding: 'utf8' }).stdout.trim().split('\n');
    const freshEntries = paths.map((path, index) => `${statSync(join(fresh, path)).mode & 0o111 ? '100755' : '100644'} ${hashes[index]} standalone/${path}`);
    // The index, as `git commit` would record it: in CI (a fresh clone) the same as HEAD.
    const committed = spawnSync('git', ['ls-files', '--stage', '--', 'standalone'], { cwd: ROOT, encoding: 'utf8' }).stdout
      .trim().split('\n').filter(Boolean).map((line) => line.replace(/ 0\t/, ' ')).sort();
    expect(committed, 'standalone/ differs from a fresh build: run `npm run build` and commit standalone/').toEqual(freshEntries.sort());
  }, 120_000);
});

describe('action.yml', () => {
  it('is a JavaScript action running the committed bundle: no install, no build', () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'standalone/action.mjs' });
    expect(statSync(action.runs.main).isFile()).toBe(true);
  });

  it('documents every input and output; the runner sets the outputs from GITHUB_OUTPUT', () => {
    for (const input of Object.values(action.inputs) as { description?: string }[]) expect(input.description).toBeTruthy();
    expect(Object.keys(action.outputs).sort()).toEqual(['error-count', 'warning-count']);
    for (const output of Object.values(action.outputs) as { value?: string }[]) expect(output.value).toBeUndefined();
  });
});

describe('the Action run as the GitHub runner runs it, from a directory holding only its own files', () => {
  /**
   * What the runner does for `uses: stslint/stslint@v…` (actions/runner, NodeScriptActionHandler and Handler): an
   * INPUT_<NAME> variable for every input of action.yml (name upper-cased, spaces to underscores, hyphens kept),
   * from `with:` or the default, then `node <action>/<runs.main>` with the workspace as working directory and no
   * standard input.
   */
  function runAsGitHub(workspace: string, inputs: Record<string, string>) {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(workspace, '..', 'output.txt'),
      GITHUB_STEP_SUMMARY: join(workspace, '..', 'summary.md'),
    };
    for (const [name, input] of Object.entries(action.inputs) as [string, { default?: string }][]) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? input.default ?? '';
    }
    writeFileSync(env.GITHUB_OUTPUT!, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
    const child = spawnSync(process.execPath, [join(actionCheckout(), action.runs.main)], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    return { ...child, output: readFileSync(env.GITHUB_OUTPUT!, 'utf8'), summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') };
  }

  /** A repository checked out: a Deployment, a custom resource with its CRD, and a config file. */
  function workspace(): string {
    const dir = join(emptyDir('workspace'), 'repo');
    mkdirSync(join(dir, 'deploy'), { recursive: true });
    cpSync('fixtures/e2e/bad.yaml', join(dir, 'deploy/web.yaml'));
    cpSync('fixtures/crd', join(dir, 'deploy/crd'), { recursive: true });
    writeFileSync(join(dir, '.stslint.yaml'), 'rules:\n  selector-label-mismatch: warn\n');
    return dir;
  }

  it('annotates, reads the config file, validates custom resources (ajv, bundled), writes outputs, summary and SARIF', () => {
    const repo = workspace();
    const run = runAsGitHub(repo, { paths: 'deploy', 'sarif-file': 'stslint.sarif' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::warning file=deploy/web.yaml,line=8,col=7,endLine=8,endColumn=15,title=selector-label-mismatch::Selector label app=web');
    expect(run.stdout).toContain('::error file=deploy/crd/crontabs.yaml,line=23,col=3,endLine=23,endColumn=14,title=schema::spec.cronSpec must be a string');
    expect(run.output).toBe('error-count=4\nwarning-count=1\n');
    expect(run.summary).toContain('## stslint\n\n4 errors and 1 warning in 3 files.\n');
    const sarif = JSON.parse(readFileSync(join(repo, 'stslint.sarif'), 'utf8'));
    expect(sarif.runs[0].tool.driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('passes on clean manifests and exits 2 with one line on a usage problem', () => {
    const repo = workspace();
    expect(runAsGitHub(repo, { paths: 'deploy/crd/crontab-crd.yaml' }).status).toBe(0);
    const missing = runAsGitHub(repo, { paths: 'missing/' });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('stslint: No such file or directory: missing/\n');
  });
});

describe.skipIf(!HAS_CORPUS)('the standalone CLI, copied alone to another directory (skipped without ../shared/corpus)', () => {
  it('lints the corpus as the npm CLI does, byte for byte (large files through its own parse worker)', () => {
    const copy = join(emptyDir('standalone-copy'), 'standalone');
    cpSync('standalone', copy, { recursive: true });
    const cwd = emptyDir('cwd');
    const reference = referenceReport(cwd);
    const child = lintCorpus(process.execPath, [join(copy, 'stslint.mjs')], cwd);
    expect(child.status).toBe(reference.status);
    expect(child.stderr).toBe(reference.stderr);
    expect(JSON.parse(child.stdout).length).toBeGreaterThan(90);
    expect(child.stdout === reference.stdout).toBe(true);
  }, 300_000);
});
