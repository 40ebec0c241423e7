import { budgetOf, podHoldersOf, type BudgetValue } from '../../src/k8s/disruption-budget.js';
import { describeBound, replicaCount, type ReplicaCount } from '../../src/k8s/replicas.js';
import { isRecord } from '../../src/util/guards.js';
import type { Resource, Rule, RuleContext } from '../../src/types.js';

interface Target {
  workload: Resource;
  count: ReplicaCount;
}

const BLOCKED = 'no pod can ever be evicted, so node drains hang';

const rule: Rule = {
  meta: {
    id: 'pdb-blocks-eviction',
    severity: 'error',
    description: 'Disallow a PodDisruptionBudget that allows no voluntary eviction of the pods it selects',
    kinds: ['policy/PodDisruptionBudget'],
  },
  check(resource, context) {
    const { minAvailable, maxUnavailable } = budgetOf(resource);
    // Both or neither set: pdb-policy reports it. No selector: it selects no pod, so it blocks none.
    if ((minAvailable === undefined) === (maxUnavailable === undefined)) return;
    if (!isRecord(resource.object.spec?.selector)) return;
    const targets = targetsOf(resource, context);
    if (maxUnavailable !== undefined) checkMaxUnavailable(resource, maxUnavailable, targets, context);
    else if (minAvailable !== undefined) checkMinAvailable(resource, minAvailable, targets, context);
  },
};

function checkMaxUnavailable(pdb: Resource, value: BudgetValue, targets: Target[] | undefined, context: RuleContext): void {
  if (value !== 0 && percentOf(value) !== 0) return;
  context.report({
    path: ['spec', 'maxUnavailable'],
    message: `PodDisruptionBudget '${pdb.name}' sets maxUnavailable ${value} for ${describeTargets(targets, 'max')}: ${BLOCKED}`,
  });
}

function checkMinAvailable(pdb: Resource, value: BudgetValue, targets: Target[] | undefined, context: RuleContext): void {
  const percent = percentOf(value);
  const report = (detail: string) =>
    context.report({
      path: ['spec', 'minAvailable'],
      message: `PodDisruptionBudget '${pdb.name}' requires minAvailable ${value} of ${describeTargets(targets, 'min')}${detail}: ${BLOCKED}`,
    });
  if (percent !== undefined && percent >= 100) return report('');
  // Below 100%, whether the budget blocks depends on how many pods it covers.
  const replicas = targets?.reduce((sum, target) => sum + target.count.min, 0);
  if (!replicas) return;
  if (typeof value === 'number' && value >= replicas) return report('');
  if (percent === undefined) return;
  // The disruption controller rounds a percentage of the replica count up.
  const required = Math.ceil((percent * replicas) / 100);
  if (required >= replicas) report(`, which rounds up to ${required} ${required === 1 ? 'pod' : 'pods'}`);
}

/** The selected workloads with their replica counts; undefined when one of them has no known count. */
function targetsOf(pdb: Resource, context: RuleContext): Target[] | undefined {
  const targets: Target[] = [];
  for (const workload of podHoldersOf(pdb, context.index)) {
    const count = replicaCount(workload, context.index);
    if (!count) return undefined;
    targets.push({ workload, count });
  }
  return targets;
}

/**
 * "StatefulSet 'zk' with 3 replicas", "StatefulSet 'a' and Deployment 'b' with 4 replicas in all", or, when no
 * selected workload is known, "the pods it selects". An autoscaled count is its lowest (min) or highest (max) one.
 */
function describeTargets(targets: Target[] | undefined, bound: 'min' | 'max'): string {
  if (!targets || targets.length === 0) return 'the pods it selects';
  const names = targets.map(({ workload }) => `${workload.kind} '${workload.name}'`);
  const replicas = targets.reduce((sum, target) => sum + target.count[bound], 0);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const autoscaled = targets.length === 1 ? describeBound(targets[0].count, bound) : undefined;
  if (autoscaled) return `${listed} with ${replicas} ${unit(replicas)} (${autoscaled})`;
  return `${listed} with ${replicas} ${unit(replicas)}${names.length > 1 ? ' in all' : ''}`;
}

function unit(replicas: number): string {
  return replicas === 1 ? 'replica' : 'replicas';
}

/** The percentage of a "50%" value; undefined for a number or anything else. */
function percentOf(value: BudgetValue): number | undefined {
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

export default rule;
