import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepository } from '../helpers/base.js';

const BIN = resolve('bin/stslint.js');
const DB = readFileSync(resolve('fixtures/base/db.yaml'), 'utf8').replace('  selector:\n    app: db', '  clusterIP: None\n  selector:\n    app: db');

function stslint(args: string[], cwd: string, input?: string) {
  const child = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A repository whose last commit grows the claim template of db.yaml. */
function grownRepository(): string {
  const repository = gitRepository();
  repository.commit({ 'deploy/db.yaml': DB }, 'base');
  repository.commit({ 'deploy/db.yaml': DB.replace('storage: 10Gi', 'storage: 20Gi') });
  return repository.dir;
}

describe('stslint --base and --base-files (built CLI)', () => {
  it('exits 1 with the refused change, from the command line and from the config file', () => {
    const dir = grownRepository();
    const rules = ['--rule', 'pdb-missing=off', '--rule', 'statefulset-anti-affinity=off'];
    const { code, stdout } = stslint(['deploy', '--base', 'HEAD~1', '-f', 'compact', ...rules], dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(dir, 'deploy/db.yaml')}: line 44, col 11, Error - StatefulSet 'db': the storage request of claim template 'data' grows from 10Gi to 20Gi`);
    writeFileSync(join(dir, '.stslint.yaml'), 'base: HEAD~1\nrules: {pdb-missing: off, statefulset-anti-affinity: off}\n');
    expect(stslint(['deploy', '-f', 'compact'], dir)).toMatchObject({ code: 1, stdout: expect.stringContaining('immutable-field-changed') });
    expect(stslint(['deploy', '-f', 'compact', '--no-config', ...rules], dir)).toMatchObject({ code: 0 });
  });

  it('exits 2 in one line for a revision that does not exist and a path outside git', () => {
    const dir = grownRepository();
    expect(stslint(['deploy', '--base', 'v9.9.9'], dir)).toEqual({ code: 2, stdout: '', stderr: `stslint: --base: 'v9.9.9' is not a commit of the git repository ${dir}\n` });
    const plain = mkdtempSync(join(tmpdir(), 'stslint-plain-'));
    writeFileSync(join(plain, 'db.yaml'), DB);
    const { code, stderr } = stslint(['db.yaml', '--base', 'HEAD'], plain);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^stslint: --base: db\.yaml is not in a git repository \([^\n]*\); --base-files reads a base from files\n$/);
  });

  it('reads --base-files - from standard input, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-stdin-'));
    writeFileSync(join(dir, 'db.yaml'), DB);
    const rules = ['--rule', 'pdb-missing=off', '--rule', 'statefulset-anti-affinity=off', '-f', 'compact'];
    expect(stslint(['db.yaml', '--base-files', '-', ...rules], dir, DB.replace('serviceName: db', 'serviceName: old'))).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("spec.serviceName changes from old to db"),
    });
    expect(stslint(['-', '--base-files', '-'], dir, DB)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'stslint: Standard input can be read once: use - for the manifests or for --base-files, not both\n',
    });
  });

  it('plans the change: stslint plan --base', () => {
    const dir = grownRepository();
    const { code, stdout } = stslint(['plan', 'deploy', '--base', 'HEAD~1', '-f', 'json'], dir);
    expect(code).toBe(1);
    const [plan] = JSON.parse(stdout).statefulSets;
    expect(plan.change).toMatchObject({
      status: 'changed',
      base: { file: 'HEAD~1:deploy/db.yaml', line: 14 },
      refused: { fields: ['spec.volumeClaimTemplates[0].spec.resources.requests.storage'] },
    });
    expect(plan.change.refused.commands.at(-1)).toBe('kubectl apply -f deploy/db.yaml');
  });
});
