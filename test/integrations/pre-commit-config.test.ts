import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { emptyDir, removeTemporaryDirs } from '../dist/distribution.js';

/**
 * The README's recommended pre-commit configuration, run by the real `pre-commit` program (Debian's package; .ci/run
 * installs it) as a user's `git commit` runs it: pre-commit clones the hook repository at `rev` into an empty cache
 * (cold), then reuses it (warm). The hook repository is this working tree, committed into a temporary repository and
 * tagged with the README's `rev`; the user's repository holds manifests and the YAML that is not Kubernetes.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const ROOT = resolve('.');
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
afterAll(removeTemporaryDirs);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (child.error) throw child.error;
  return { code: child.status, output: `${child.stdout}${child.stderr}` };
}

function git(cwd: string, ...args: string[]): void {
  const child = run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], cwd);
  if (child.code !== 0) throw new Error(`git ${args.join(' ')}: ${child.output}`);
}

/** The README's `.pre-commit-config.yaml` (the first YAML block of the pre-commit section). */
function readmeConfig(): { repos: { repo: string; rev: string; hooks: Record<string, unknown>[] }[] } {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### pre-commit'));
  return parse(/```yaml\n([\s\S]*?)```/.exec(section)![1]);
}

/** This working tree as it would be committed (tracked and new files, not ignored ones), tagged v<version>. */
function hookRepository(): string {
  const dir = emptyDir('hook-repo');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file), { dereference: false, errorOnExist: false, force: true });
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'stslint');
  git(dir, 'tag', '-a', `v${VERSION}`, '-m', `stslint ${VERSION}`);
  return dir;
}

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector:
                matchLabels:
                  app: db
              topologyKey: kubernetes.io/hostname
      containers:
        - name: postgres
          image: postgres:16.3
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
`;

/** A repository with a StatefulSet whose Service and budget are in other files, and YAML that is not Kubernetes. */
function userRepository(config: unknown): string {
  const dir = emptyDir('user-repo');
  const files: Record<string, string> = {
    '.pre-commit-config.yaml': stringify(config),
    'deploy/db/statefulset.yaml': STATEFULSET,
    'deploy/db/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n    - name: postgres\n      port: 5432\n',
    'deploy/db/budget.yaml': 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: db\n',
    'deploy/charts/web/values.yaml': 'replicaCount: 2\n',
    'deploy/charts/web/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.fullname" . }}\n  labels:\n    {{- include "web.labels" . | nindent 4 }}\n',
    '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
    'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'manifests');
  return dir;
}

/** Changes every YAML file but the Service and the budget, and stages them, as before a `git commit`. */
function change(repo: string, statefulSet: string): void {
  writeFileSync(join(repo, 'deploy/db/statefulset.yaml'), statefulSet);
  for (const file of ['deploy/charts/web/values.yaml', 'deploy/charts/web/templates/deployment.yaml', '.github/workflows/ci.yml', 'docker-compose.yml']) {
    writeFileSync(join(repo, file), `${readFileSync(join(repo, file), 'utf8')}# changed\n`);
  }
  git(repo, 'add', '-A');
}

describe.skipIf(!hasPreCommit && !process.env.CI)("the README's pre-commit configuration (real pre-commit)", () => {
  it('names this version, installs with a clone only (cold, then warm), and lints just the changed manifests with the others as context', () => {
    expect(hasPreCommit, 'pre-commit must be installed in CI').toBe(true);
    const config = readmeConfig();
    expect(config.repos[0]).toMatchObject({ repo: 'https://github.com/stslint/stslint', rev: `v${VERSION}` });
    const hooks = hookRepository();
    const repo = userRepository({ repos: [{ ...config.repos[0], repo: hooks }] });
    const env = { PRE_COMMIT_HOME: emptyDir('pre-commit-home') };

    // Cold: a new release of the StatefulSet; the Service and the budget, unchanged, come from --context.
    change(repo, STATEFULSET.replace('postgres:16.3', 'postgres:16.4').replace('replicas: 3', 'replicas: 5'));
    const cold = run('pre-commit', ['run', '--verbose'], repo, env);
    expect(cold.output).toContain(`[INFO] Initializing environment for ${hooks}.`);
    expect(cold.output).not.toMatch(/Installing environment|npm/);
    expect(cold.output).toMatch(/stslint\.+Passed\n- hook id: stslint\n- duration: [\d.]+s\n*$/);
    expect(cold.code).toBe(0);

    // Warm: nothing to install; a selector that no longer matches its pods fails the commit.
    change(repo, STATEFULSET.replace('matchLabels:\n      app: db', 'matchLabels:\n      app: database'));
    const warm = run('pre-commit', ['run'], repo, env);
    expect(warm.output).not.toContain('Initializing environment');
    expect(warm.output).toMatch(/stslint\.+Failed/);
    expect(warm.output).toContain(`${join(repo, 'deploy/db/statefulset.yaml')}\n  10:7  error  Selector label app=database does not match the pod template`);
    expect(warm.output).not.toMatch(/charts|values\.yaml|ci\.yml|docker-compose|statefulset-service-missing|pdb-missing/);
    expect(warm.code).toBe(1);
  }, 600_000);

  it('without `files:` and `--context`, skips the YAML that is not Kubernetes (saying so) and misses the Service (why the README recommends --context)', () => {
    const hooks = hookRepository();
    const repo = userRepository({ repos: [{ repo: hooks, rev: `v${VERSION}`, hooks: [{ id: 'stslint' }] }] });
    change(repo, STATEFULSET.replace('postgres:16.3', 'postgres:16.4'));
    const bare = run('pre-commit', ['run', '--verbose'], repo, { PRE_COMMIT_HOME: emptyDir('pre-commit-home') });
    expect(bare.output).toMatch(/stslint\.+Passed/);
    expect(bare.output).toMatch(/stslint: \d+ documents were skipped, not Kubernetes objects: .*\.github\/workflows\/ci\.yml/);
    expect(bare.output).not.toContain('resource-shape');
    expect(bare.output).toContain('statefulset-service-missing');
    expect(bare.code).toBe(0);
  }, 600_000);
});
