import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, visit } from 'yaml';
import type { Io } from '../../src/cli.js';
import { UsageError } from '../../src/util/errors.js';
import { MAX_SCALE_STEPS, planCommand } from '../../src/plan/command.js';
import type { Plan } from '../../src/plan/types.js';
import { PLAN_FIXTURES } from './helpers.js';

/** Run `stslint plan <args>` in-process, in fixtures/plan; a UsageError exits 2 as in src/cli.ts. */
async function run([command, ...args]: string[], stdin = '') {
  expect(command).toBe('plan');
  let stdout = '';
  let stderr = '';
  const io: Io = {
    argv: [command, ...args],
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => ({ bytes: new TextEncoder().encode(stdin), complete: true }),
    isTTY: false,
    env: {},
    cwd: PLAN_FIXTURES,
  };
  try {
    const code = await planCommand(args, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout, stderr: `${stderr}stslint: ${error.message}\n` };
  }
}

describe('stslint plan (in-process)', () => {
  it('reads a config that sets rules plan does not run, and still refuses a rule stslint does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-plan-config-'));
    writeFileSync(join(dir, 'ok.yaml'), 'rules:\n  api-validation: warn\n');
    writeFileSync(join(dir, 'typo.yaml'), 'rules:\n  api-validaton: warn\n');
    expect(await run(['plan', 'web.yaml', '--config', join(dir, 'ok.yaml')])).toMatchObject({ code: 0, stderr: '' });
    expect(await run(['plan', 'web.yaml', '--config', join(dir, 'typo.yaml')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `stslint: ${join(dir, 'typo.yaml')}:2:3: Unknown rule 'api-validaton'; did you mean 'api-validation'? (see stslint rules)\n`,
    });
  });

  it('prints the plan as JSON, the same as YAML', async () => {
    const json = await run(['plan', 'web.yaml', '--format', 'json', '--replicas', '1', '--delete']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const plan = JSON.parse(json.stdout) as Plan;
    expect(plan.statefulSets.map((set) => [set.name, set.file, set.scale[0].deleted, set.delete?.pods])).toEqual([
      ['web', resolve(PLAN_FIXTURES, 'web.yaml'), ['web-1'], ['web-0']],
    ]);
    const yaml = await run(['plan', 'web.yaml', '-f', 'yaml', '--scale-to', '1', '--delete']);
    expect(parse(yaml.stdout)).toEqual(plan);
  });

  it('writes plain YAML: no anchor or alias, though pods share objects with their template', async () => {
    const { stdout } = await run(['plan', '.', '-f', 'yaml', '--replicas', '3,1', '--delete']);
    const doc = parseDocument(stdout);
    let aliases = 0;
    visit(doc, { Alias: () => void aliases++, Node: (_, node) => void (node.anchor && aliases++) });
    expect(aliases).toBe(0);
    expect(stdout).not.toMatch(/(?:^|[\s:-])[&*]a\d+\b/m);
    expect(doc.toJS()).toEqual(JSON.parse((await run(['plan', '.', '-f', 'json', '--replicas', '3,1', '--delete'])).stdout));
  });

  it(`shows at most ${MAX_SCALE_STEPS} scale steps (400 made a report longer than a string can hold)`, async () => {
    const steps = (count: number) => Array.from({ length: count }, (_, i) => (i % 2 ? 3 : 1)).join(',');
    expect(await run(['plan', 'web.yaml', '--replicas', steps(400)])).toEqual({ code: 2, stdout: '', stderr: `stslint: --replicas: at most ${MAX_SCALE_STEPS} scale steps, got 400\n` });
    const plan = JSON.parse((await run(['plan', 'web.yaml', '-f', 'json', '--replicas', steps(MAX_SCALE_STEPS)])).stdout) as Plan;
    expect(plan.statefulSets[0].scale).toHaveLength(MAX_SCALE_STEPS);
  });

  it('plans a directory, a glob and standard input, selecting by name and namespace', async () => {
    const all = JSON.parse((await run(['plan', '.', '-f', 'json'])).stdout) as Plan;
    const files = readdirSync(PLAN_FIXTURES).filter((file) => file.endsWith('.yaml'));
    expect(all.statefulSets.map((set) => basename(set.file))).toEqual(files.sort()); // one StatefulSet per fixture
    const globbed = JSON.parse((await run(['plan', 'web-start-*.yaml', '-f', 'json'])).stdout) as Plan;
    expect(globbed.statefulSets.map((set) => set.pods[0].name)).toEqual(['web-5', 'web-5']);
    const stdin = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: prod}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n';
    const piped = await run(['plan', '-', '--stdin-filename', 'rendered.yaml', '--name', 'db', '-n', 'prod', '-f', 'json'], stdin);
    const plan = JSON.parse(piped.stdout) as Plan;
    // -n prod also places the second db, which sets no namespace, in prod (as kubectl -n does).
    expect(plan.statefulSets.map((set) => [set.file, set.namespace, set.line])).toEqual([
      [resolve(PLAN_FIXTURES, 'rendered.yaml'), 'prod', 2],
      [resolve(PLAN_FIXTURES, 'rendered.yaml'), 'prod', 6],
    ]);
    const other = await run(['plan', '-', '--stdin-filename', 'rendered.yaml', '-n', 'data', '-f', 'json'], stdin);
    expect((JSON.parse(other.stdout) as Plan).statefulSets.map((set) => [set.namespace, set.line])).toEqual([['data', 6]]);
  });

  it('uses the cluster domain given', async () => {
    const { stdout } = await run(['plan', 'web.yaml', '-f', 'json', '--cluster-domain', 'kube.local.']);
    expect((JSON.parse(stdout) as Plan).statefulSets[0].pods[0].fqdn).toBe('web-0.nginx.default.svc.kube.local');
  });

  it('exits 2 with one clear line on usage problems', async () => {
    expect(await run(['plan'])).toMatchObject({ code: 2, stderr: 'stslint: No paths given (use - to read standard input); see stslint plan --help\n' });
    expect(await run(['plan', 'web.yaml', '-f', 'xml'])).toMatchObject({ code: 2, stderr: "stslint: Unknown format 'xml' (use text, json or yaml)\n" });
    expect(await run(['plan', 'web.yaml', '--replicas', '-1'])).toMatchObject({ code: 2, stderr: "stslint: --replicas expects whole numbers from 0 to 2147483647, got '-1'\n" });
    expect(await run(['plan', 'web.yaml', '--replicas', '2,x'])).toMatchObject({
      code: 2,
      stderr: "stslint: --replicas expects whole numbers from 0 to 2147483647, got 'x'\n",
    });
    expect(await run(['plan', 'web.yaml', '--replicas', '1', '--scale-to', '2'])).toMatchObject({ code: 2, stderr: 'stslint: Use --replicas or --scale-to, not both\n' });
    expect(await run(['plan', 'web.yaml', '--cluster-domain', 'a b'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stslint: --cluster-domain expects a DNS domain/) });
    expect(await run(['plan', 'nope.yaml'])).toMatchObject({ code: 2, stderr: 'stslint: No such file or directory: nope.yaml\n' });
    expect(await run(['plan', 'web.yaml', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stslint: Unknown option '--bogus'/) });
  });

  it('exits 2 when no StatefulSet is found, saying why', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\n';
    expect(await run(['plan', '-'], service)).toEqual({ code: 2, stdout: '', stderr: 'stslint: No StatefulSet found in the inputs\n' });
    expect(await run(['plan', 'web.yaml', '--name', 'db', '--namespace', 'prod'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "stslint: No StatefulSet named 'db' in namespace 'prod' among the 1 found in the inputs\n",
    });
    const broken = await run(['plan', '-'], 'kind: [\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^<stdin>:2:1: error: .+ \(yaml-syntax\)\nstslint: No StatefulSet found in the inputs \(1 input problems above\)\n$/);
  });

  it('prints its help', async () => {
    const { code, stdout } = await run(['plan', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: stslint plan \[options\] PATH\.\.\./);
  });
});

const BIN = resolve('bin/stslint.js');

function stslint(args: string[], input?: string) {
  const child = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: PLAN_FIXTURES, env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('stslint plan (built)', () => {
  it('exits 0 when the plan was made', () => {
    const { code, stdout, stderr } = stslint(['plan', 'web.yaml']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^StatefulSet web · namespace default · web\.yaml:18\n/);
    expect(stdout).toMatch(/\nPlanned 1 StatefulSet: no problems found\n$/);
  });

  it('exits 1 when the plan found an error', () => {
    const problems = stslint(['plan', 'web-problems.yaml']);
    expect(problems.code).toBe(1);
    expect(problems.stdout).toMatch(/\n {4}error {4}web-problems\.yaml:17:3 {2}StatefulSet '.+' name is 53 characters.+ {2}statefulset-name-too-long\n/);
    expect(problems.stdout).toMatch(/\nPlanned 1 StatefulSet: 2 errors, 0 warnings\n$/);

    const { code, stdout } = stslint(['plan', 'web.yaml', '-', '-f', 'json'], 'kind: [\n');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Plan).inputProblems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', severity: 'error', file: '<stdin>' })]);
  });

  it('exits 2 on a usage error, and is listed in the main help', () => {
    expect(stslint(['plan', 'web.yaml', '--replicas', 'many'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "stslint: --replicas expects whole numbers from 0 to 2147483647, got 'many'\n",
    });
    expect(stslint(['--help']).stdout).toContain('stslint plan [options] PATH...');
  });
});
