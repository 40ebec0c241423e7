import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';

const BIN = resolve('bin/stslint.js');
const DIR = resolve('fixtures/plan-versions');

/** The built CLI (npm test builds first), in fixtures/plan-versions. */
function stslint(...args: string[]) {
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: DIR, env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('stslint plan and lint through the built CLI: the target version and the partition', () => {
  it('lint and plan agree on a partition past every position with ordinals.start (canary.yaml)', () => {
    const lint = stslint('lint', 'canary.yaml', '-f', 'json');
    expect(lint.code).toBe(0);
    const findings = JSON.parse(lint.stdout)[0].messages.filter((message: { ruleId: string }) => message.ruleId === 'statefulset-partition');
    expect(findings).toMatchObject([{ line: 27, column: 7, endLine: 27, endColumn: 19, message: expect.stringContaining('has partition 6, not below its pod count (3 replicas, ordinals 5-7)') }]);
    const plan = stslint('plan', 'canary.yaml', '-f', 'json');
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(plan.stdout) as Plan).statefulSets[0].update).toMatchObject({ partition: 6, replaced: [] });
  });

  it('--kubernetes-version 1.26 numbers the pods from 0 and says why; 1.36 from ordinals.start', () => {
    const old = stslint('plan', 'gated.yaml', '--kubernetes-version', '1.26');
    expect(old).toMatchObject({ code: 0, stderr: '' });
    expect(old.stdout).toContain('5 replicas (ordinals 0–4)');
    expect(old.stdout).toContain('- spec.ordinals.start 10 is dropped by the API server of Kubernetes 1.26: feature gate StatefulSetStartOrdinal is alpha');
    expect(stslint('plan', 'gated.yaml').stdout).toContain('5 replicas (ordinals 10–14)');
  });

  it('--feature-gates: maxUnavailable replaces 2 at a time; a gate name it does not know is exit 2 with one line', () => {
    const on = stslint('plan', 'gated.yaml', '--feature-gates', 'MaxUnavailableStatefulSet=true', '-f', 'json');
    expect(on.code).toBe(0);
    expect((JSON.parse(on.stdout) as Plan).statefulSets[0].update).toMatchObject({ maxUnavailable: '50%', atOnce: 2 });
    const typo = stslint('plan', 'gated.yaml', '--feature-gates', 'MaxUnavailableStatefulSets=true');
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toBe(
      "stslint: --feature-gates: unknown feature gate 'MaxUnavailableStatefulSets' (did you mean MaxUnavailableStatefulSet?); plan knows MaxUnavailableStatefulSet, PodIndexLabel, StatefulSetAutoDeletePVC, StatefulSetMinReadySeconds, StatefulSetStartOrdinal\n",
    );
    expect(stslint('plan', 'gated.yaml', '--feature-gates', 'PodIndexLabel=false').code).toBe(2);
  });
});
