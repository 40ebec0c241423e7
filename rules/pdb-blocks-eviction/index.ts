import { budgetOf, podHoldersOf, type BudgetValue } from '../../src/k8s/disruption-budget.js';
import { describeBound, replicaCount, type ReplicaCount } from '../../src/k8s/replicas.js';
import { isRecord } from '../../src/util/guards.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { Resource } from '../../src/types.js';

const BLOCKED = 'no pod can ever be evicted, so node drains hang';

interface Target {
  workload: Resource;
  count: ReplicaCount;
}

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    severity: 'error',
    description: 'Disallow a PodDisruptionBudget that allows no voluntary eviction of the pods it selects',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      maxUnavailable: `PodDisruptionBudget '{{name}}' sets maxUnavailable {{value}} for {{targets}}: ${BLOCKED}`,
      minAvailable: `PodDisruptionBudget '{{name}}' requires minAvailable {{value}} of {{targets}}: ${BLOCKED}`,
      minAvailableRounded:
        `PodDisruptionBudget '{{name}}' requires minAvailable {{value}} of {{targets}}, which rounds up to {{required}} {{pods}}: ${BLOCKED}`,
    },
  },
  check(resource, context) {
    const { minAvailable, maxUnavailable } = budgetOf(resource);
    // Both or neither set: pdb-policy reports it. No selector: it selects no pod, so it blocks none.
    if ((minAvailable === undefined) === (maxUnavailable === undefined)) return;
    if (!isRecord(resource.object.spec?.selector)) return;
    const targets = targetsOf(resource, context.index);
    const name = resource.name;
    if (maxUnavailable !== undefined) {
      if (maxUnavailable !== 0 && percentOf(maxUnavailable) !== 0) return;
      const data = { name, value: String(maxUnavailable), targets: describeTargets(targets, 'max') };
      context.report({ path: ['spec', 'maxUnavailable'], messageId: 'maxUnavailable', data });
      return;
    }
    const blocked = minAvailable === undefined ? undefined : minimumBlocks(minAvailable, targets);
    if (!blocked) return;
    const data = { name, value: String(minAvailable), targets: describeTargets(targets, 'min') };
    const required = blocked.roundedUp;
    if (required === undefined) context.report({ path: ['spec', 'minAvailable'], messageId: 'minAvailable', data });
    else context.report({ path: ['spec', 'minAvailable'], messageId: 'minAvailableRounded', data: { ...data, required, pods: required === 1 ? 'pod' : 'pods' } });
  },
});

/**
 * Whether minAvailable leaves no pod to evict; `roundedUp` is the pod count a percentage below 100% comes to.
 * Undefined when it allows an eviction or the pod count is unknown.
 */
function minimumBlocks(value: BudgetValue, targets: Target[] | undefined): { roundedUp?: number } | undefined {
  const percent = percentOf(value);
  if (percent !== undefined && percent >= 100) return {};
  // Below 100%, whether the budget blocks depends on how many pods it covers.
  const replicas = targets?.reduce((sum, target) => sum + target.count.min, 0);
  if (!replicas) return undefined;
  if (typeof value === 'number' && value >= replicas) return {};
  if (percent === undefined) return undefined;
  // The disruption controller rounds a percentage of the replica count up.
  const required = Math.ceil((percent * replicas) / 100);
  return required >= replicas ? { roundedUp: required } : undefined;
}

/** The selected workloads with their replica counts; undefined when one of them has no known count. */
function targetsOf(pdb: Resource, index: ResourceIndex): Target[] | undefined {
  const targets: Target[] = [];
  for (const workload of podHoldersOf(pdb, index)) {
    const count = replicaCount(workload, index);
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

