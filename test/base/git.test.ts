import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions } from '../../src/lint.js';
import claimsOrphaned from '../../rules/claims-orphaned/index.js';
import immutableFieldChanged from '../../rules/immutable-field-changed/index.js';
import immutableVolatileLabel from '../../rules/immutable-volatile-label/index.js';
import { UsageError } from '../../src/util/errors.js';
import { acceptedChanges, edit, gitRepository, span, type Files } from '../helpers/base.js';

const DB = readFileSync(resolve('fixtures/base/db.yaml'), 'utf8');
/** Only the rules about the base, so that the expectations below list nothing else (loader findings stay). */
const REGISTRY = [claimsOrphaned, immutableFieldChanged, immutableVolatileLabel];

/** Commit `base`, then `change` on top of it, and lint `paths` against HEAD~1; `file line:column-… ruleId` of each finding. */
async function lintChange(base: Files, change: Files, paths = ['deploy'], options: LintOptions = {}): Promise<string[]> {
  const repository = gitRepository();
  repository.commit(base, 'base');
  for (const [path, text] of Object.entries(change)) {
    if (text === '') rmSync(join(repository.dir, path));
  }
  repository.commit(Object.fromEntries(Object.entries(change).filter(([, text]) => text !== '')));
  const run = await lintFiles(paths, { cwd: repository.dir, registry: REGISTRY, base: { ref: 'HEAD~1' }, ...options });
  return run.results.flatMap((result) =>
    result.messages.map((message) => `${result.filePath.replace(repository.dir, '.')} ${span(message)} ${message.ruleId}`),
  );
}

describe('--base REF: the same paths at a git revision', () => {
  it('reports every change the API server refuses, in the file that has it now', async () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: m, image: "migrate:1"}]\n';
    const claim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: shared}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n';
    const storageClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: ebs.csi.aws.com\nparameters: {type: gp3}\n';
    const settings = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\nimmutable: true\ndata: {mode: fast}\n';
    const base = { 'deploy/db.yaml': DB, 'deploy/job.yaml': job, 'deploy/storage.yaml': `${claim}---\n${storageClass}---\n${settings}` };
    const changed = {
      'deploy/db.yaml': edit(edit(edit(DB, 'storage: 10Gi', 'storage: 20Gi'), 'serviceName: db', 'serviceName: postgres'), '  selector:\n    app: db', '  clusterIP: None\n  selector:\n    app: db'),
      'deploy/job.yaml': edit(job, 'migrate:1', 'migrate:2'),
      'deploy/storage.yaml': `${edit(claim, '10Gi', '5Gi')}---\n${edit(storageClass, 'gp3', 'io2')}---\n${edit(settings, 'fast', 'safe')}`,
    };
    expect(await lintChange(base, changed)).toEqual([
      './deploy/db.yaml 6:3-6:18 immutable-field-changed',
      './deploy/db.yaml 18:3-18:24 immutable-field-changed',
      './deploy/db.yaml 44:11-44:24 immutable-field-changed',
      './deploy/job.yaml 8:30-8:48 immutable-field-changed',
      './deploy/storage.yaml 6:26-6:38 immutable-field-changed',
      './deploy/storage.yaml 12:14-12:23 immutable-field-changed',
      './deploy/storage.yaml 18:8-18:18 immutable-field-changed',
    ]);
  });

  it('stays silent on replicas, template, updateStrategy, partition and retention changes, and on defaults written down', async () => {
    for (const change of acceptedChanges(DB)) expect(await lintChange({ 'deploy/db.yaml': DB }, { 'deploy/db.yaml': change }), change).toEqual([]);
  });

  it('matches objects moved to another file, and reports a deleted StatefulSet at its base position', async () => {
    const [service, statefulSet] = DB.split('---\n');
    expect(await lintChange({ 'deploy/db.yaml': DB }, { 'deploy/db.yaml': '', 'deploy/service.yaml': service, 'deploy/statefulset.yaml': statefulSet })).toEqual([]);
    expect(await lintChange({ 'deploy/db.yaml': DB }, { 'deploy/db.yaml': service })).toEqual(['HEAD~1:deploy/db.yaml 15:3-15:11 claims-orphaned']);
  });

  it('compares an object declared twice with the one of the same file at the revision', async () => {
    const parallel = edit(DB, '  replicas: 3\n', '  replicas: 3\n  podManagementPolicy: Parallel\n');
    const base = { 'deploy/db.yaml': DB, 'deploy/db-parallel.yaml': parallel };
    expect(await lintChange(base, { 'deploy/db.yaml': edit(DB, 'replicas: 3', 'replicas: 4') })).toEqual([]);
    expect(await lintChange(base, { 'deploy/db-parallel.yaml': edit(parallel, 'replicas: 3', 'replicas: 4') })).toEqual([]);
  });

  it('reads the paths as a walk would at the revision: directories, globs, explicit files; hidden, node_modules and ignored files left out', async () => {
    const renamed = edit(DB, 'serviceName: db', 'serviceName: other');
    const files = { 'deploy/a/db.yaml': DB, 'deploy/.hidden/db.yaml': DB, 'deploy/node_modules/db.yaml': DB, 'deploy/db.txt': DB };
    // Every base copy but the walked one would make the StatefulSet deleted or duplicated: only deploy/a/db.yaml counts.
    expect(await lintChange(files, { 'deploy/a/db.yaml': renamed })).toEqual(['./deploy/a/db.yaml 17:3-17:21 immutable-field-changed']);
    expect(await lintChange(files, { 'deploy/a/db.yaml': renamed }, ['deploy/*/db.yaml'])).toEqual(['./deploy/a/db.yaml 17:3-17:21 immutable-field-changed']);
    expect(await lintChange({ 'deploy/db.txt': DB }, { 'deploy/db.txt': renamed }, ['deploy/db.txt'])).toEqual(['./deploy/db.txt 17:3-17:21 immutable-field-changed']);
    const ignore = (dir: string) => ({ base: dir, patterns: ['deploy/a/**'] });
    const repository = gitRepository();
    repository.commit({ 'deploy/a/db.yaml': DB, 'deploy/b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' });
    repository.commit({ 'deploy/a/db.yaml': '' });
    const run = await lintFiles(['deploy'], { cwd: repository.dir, base: { ref: 'HEAD~1' }, ignore: ignore(repository.dir), registry: REGISTRY });
    expect(run.index.baseObjects.map((object) => object.kind)).toEqual(['ConfigMap']);
  });

  it('reports a base file that does not parse as warnings at its own positions, and compares the rest', async () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n';
    expect(await lintChange({ 'deploy/db.yaml': DB, 'deploy/broken.yaml': broken }, { 'deploy/broken.yaml': '' })).toEqual([
      'HEAD~1:deploy/broken.yaml 4:1-4:2 yaml-syntax',
    ]);
    const repository = gitRepository();
    repository.commit({ 'deploy/db.yaml': DB, 'deploy/broken.yaml': broken });
    repository.git('rm', '-q', 'deploy/broken.yaml');
    repository.commit({});
    const run = await lintFiles(['deploy'], { cwd: repository.dir, base: { ref: 'HEAD~1' }, registry: REGISTRY });
    expect(run.results.map((result) => [result.filePath.replace(repository.dir, '.'), result.warningCount, result.errorCount])).toEqual([
      ['./deploy/db.yaml', 0, 0],
      ['HEAD~1:deploy/broken.yaml', 1, 0],
    ]);
  });

  it('takes a file the same at the revision from the run instead of parsing it again, findings included', async () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n';
    const repository = gitRepository();
    repository.commit({ 'deploy/db.yaml': DB, 'deploy/broken.yaml': broken });
    const run = await lintFiles(['deploy'], { cwd: repository.dir, base: { ref: 'HEAD' }, registry: REGISTRY });
    const statefulSet = run.index.linted.find((resource) => resource.kind === 'StatefulSet')!;
    expect(run.index.base(statefulSet)).toMatchObject({ object: statefulSet.object, source: { path: 'HEAD:deploy/db.yaml', base: true } });
    expect(run.results.map((result) => [result.filePath.replace(repository.dir, '.'), result.messages.map((m) => `${span(m)} ${m.ruleId} ${m.severity}`)])).toEqual([
      ['./deploy/broken.yaml', ['4:1-4:2 yaml-syntax 2']],
      ['./deploy/db.yaml', []],
      ['HEAD:deploy/broken.yaml', ['4:1-4:2 yaml-syntax 1']],
    ]);
  });

  it('changes nothing in the repository: no checkout, no stash, no index write', async () => {
    const repository = gitRepository();
    repository.commit({ 'deploy/db.yaml': DB });
    repository.commit({ 'deploy/db.yaml': edit(DB, 'storage: 10Gi', 'storage: 20Gi') });
    writeFileSync(join(repository.dir, 'deploy/db.yaml'), edit(edit(DB, 'replicas: 3', 'replicas: 4'), 'storage: 10Gi', 'storage: 20Gi'));
    writeFileSync(join(repository.dir, 'deploy/new.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n');
    // --no-optional-locks: the test's own `git status` must not refresh the index either.
    const state = () => [repository.git('--no-optional-locks', 'status', '--porcelain=v2', '--branch'), repository.git('stash', 'list'), repository.git('for-each-ref')].join('\n');
    const before = { state: state(), index: statSync(join(repository.dir, '.git/index')).mtimeMs, file: readFileSync(join(repository.dir, 'deploy/db.yaml'), 'utf8') };
    const run = await lintFiles(['deploy'], { cwd: repository.dir, base: { ref: 'HEAD~1' }, registry: REGISTRY });
    expect(run.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual(['immutable-field-changed']);
    expect({ state: state(), index: statSync(join(repository.dir, '.git/index')).mtimeMs, file: readFileSync(join(repository.dir, 'deploy/db.yaml'), 'utf8') }).toEqual(before);
  });
});

describe('--base REF: bad input', () => {
  async function usageError(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }

  it('refuses a revision that is not a commit, and one that looks like an option', async () => {
    const repository = gitRepository();
    repository.commit({ 'deploy/db.yaml': DB });
    expect(await usageError(lintFiles(['deploy'], { cwd: repository.dir, base: { ref: 'nope' } }))).toBe(`--base: 'nope' is not a commit of the git repository ${repository.dir}`);
    expect(await usageError(lintFiles(['deploy'], { cwd: repository.dir, base: { ref: '--output=x' } }))).toBe("--base expects a git revision, got '--output=x'");
  });

  it('says when the clone is too shallow to have the revision', async () => {
    const repository = gitRepository();
    repository.commit({ 'deploy/db.yaml': DB });
    repository.commit({ 'deploy/db.yaml': edit(DB, 'replicas: 3', 'replicas: 4') });
    const clone = mkdtempSync(join(tmpdir(), 'stslint-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repository.dir}`, clone]);
    expect(await usageError(lintFiles(['deploy'], { cwd: clone, base: { ref: 'HEAD~1' } }))).toMatch(/is not a commit of the git repository .*\(the clone is shallow: fetch the history, e\.g\. actions\/checkout with fetch-depth: 0\)$/);
  });

  it('refuses a path outside any git repository, and standard input alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-nogit-'));
    writeFileSync(join(dir, 'db.yaml'), DB);
    expect(await usageError(lintFiles(['db.yaml'], { cwd: dir, base: { ref: 'HEAD' } }))).toMatch(/^--base: db\.yaml is not in a git repository \(not a git repository.*\); --base-files reads a base from files$/);
    expect(await usageError(lintFiles([], { cwd: dir, base: { ref: 'HEAD' } }, [{ path: '<stdin>', bytes: Buffer.from(DB) }]))).toMatch(/^--base reads the same paths at a git revision: give paths/);
  });
});

describe('--base-files PATH', () => {
  const LIVE = resolve('fixtures/base/live-list.yaml');

  it('compares with a live List, silent when nothing that matters changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-files-'));
    writeFileSync(join(dir, 'db.yaml'), DB);
    const options = { cwd: dir, base: { files: [LIVE] }, registry: REGISTRY };
    const run = await lintFiles(['db.yaml'], options);
    expect(run.results.flatMap((result) => result.messages)).toEqual([]);
    writeFileSync(join(dir, 'db.yaml'), edit(DB, '  selector:\n    app: db', '  clusterIP: None\n  selector:\n    app: db'));
    const changed = await lintFiles(['db.yaml'], options);
    expect(changed.results.flatMap((result) => result.messages.map((message) => `${span(message)} ${message.ruleId}`))).toEqual(['6:3-6:18 immutable-field-changed']);
  });

  it('reads standard input, and reports a base file that does not parse at its positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-files-'));
    writeFileSync(join(dir, 'db.yaml'), DB);
    writeFileSync(join(dir, 'old.yaml'), 'kind: [\n');
    const stdin = { path: '<stdin>', bytes: Buffer.from(edit(DB, 'serviceName: db', 'serviceName: x')), base: true };
    const run = await lintFiles(['db.yaml'], { cwd: dir, base: { files: ['-', 'old.yaml'] }, registry: REGISTRY }, [stdin]);
    expect(run.results.map((result) => [result.filePath.replace(dir, '.'), result.messages.map((message) => `${span(message)} ${message.ruleId} ${message.severity}`)])).toEqual([
      ['./db.yaml', ['17:3-17:18 immutable-field-changed 2']],
      ['./old.yaml', ['2:1-2:2 yaml-syntax 1']],
    ]);
    await expect(lintFiles(['db.yaml'], { cwd: dir, base: { files: ['missing.yaml'] } })).rejects.toThrow('--base-files: No such file or directory: missing.yaml');
  });
});
