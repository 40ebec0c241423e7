import { describeBound, replicaCount, type ReplicaCount } from './replicas.js';
import type { ResourceIndex } from './resource-index.js';
import { type LabelSelector } from './selectors.js';
import { isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

/** An IntOrString budget value as written: a number of pods or a percentage string. */
export type BudgetValue = number | string;

/** The budget fields a PodDisruptionBudget sets; `null` counts as unset, as it does for the API server. */
export function budgetOf(pdb: Resource): { minAvailable?: BudgetValue; maxUnavailable?: BudgetValue } {
  const spec = isRecord(pdb.object.spec) ? pdb.object.spec : {};
  return { minAvailable: budgetValue(spec.minAvailable), maxUnavailable: budgetValue(spec.maxUnavailable) };
}

/** Workloads and Pods of the budget's namespace that its selector selects (none for a missing selector, policy/v1). */
export function podHoldersOf(pdb: Resource, index: ResourceIndex): Resource[] {
  const selector = pdb.object.spec?.selector;
  return isRecord(selector) ? index.podHoldersSelectedBy(pdb.namespace, selector as LabelSelector) : [];
}

/** A workload a budget selects, with its replica count. */
export interface BudgetTarget {
  workload: Resource;
  count: ReplicaCount;
}

/** The workloads the budget selects with their replica counts; undefined when one of them has no known count (a DaemonSet). */
export function targetsOf(pdb: Resource, index: ResourceIndex): BudgetTarget[] | undefined {
  const targets: BudgetTarget[] = [];
  for (const workload of podHoldersOf(pdb, index)) {
    const count = replicaCount(workload, index);
    if (!count) return undefined;
    targets.push({ workload, count });
  }
  return targets;
}

/** The one budget field a PodDisruptionBudget sets, its value, and the workloads it selects (see targetsOf). */
export interface BudgetField {
  field: 'minAvailable' | 'maxUnavailable';
  value: BudgetValue;
  targets: BudgetTarget[] | undefined;
}

/**
 * The budget field of a PodDisruptionBudget that sets exactly one of minAvailable and maxUnavailable and has a
 * selector; undefined otherwise: both or neither set is pdb-policy's finding, and without a selector it selects no
 * pod (policy/v1), which is pdb-selects-nothing's.
 */
export function budgetFieldOf(pdb: Resource, index: ResourceIndex): BudgetField | undefined {
  const { minAvailable, maxUnavailable } = budgetOf(pdb);
  if ((minAvailable === undefined) === (maxUnavailable === undefined)) return undefined;
  if (!isRecord(pdb.object.spec?.selector)) return undefined;
  const targets = targetsOf(pdb, index);
  return minAvailable !== undefined ? { field: 'minAvailable', value: minAvailable, targets } : { field: 'maxUnavailable', value: maxUnavailable!, targets };
}

/** The pods of the targets at their lowest (min) or highest (max) scale. */
export function replicasOf(targets: readonly BudgetTarget[], bound: 'min' | 'max'): number {
  return targets.reduce((sum, target) => sum + target.count[bound], 0);
}

/**
 * "StatefulSet 'zk' with 3 replicas", "StatefulSet 'a' and Deployment 'b' with 4 replicas in all", or, when no
 * selected workload is known, "the pods it selects". An autoscaled count is its lowest (min) or highest (max) one.
 */
export function describeTargets(targets: readonly BudgetTarget[] | undefined, bound: 'min' | 'max'): string {
  if (!targets || targets.length === 0) return 'the pods it selects';
  const names = targets.map(({ workload }) => `${workload.kind} '${workload.name}'`);
  const replicas = replicasOf(targets, bound);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const autoscaled = targets.length === 1 ? describeBound(targets[0].count, bound) : undefined;
  if (autoscaled) return `${listed} with ${replicas} ${unit(replicas)} (${autoscaled})`;
  return `${listed} with ${replicas} ${unit(replicas)}${names.length > 1 ? ' in all' : ''}`;
}

/** "pod" or "pods". */
export function pods(count: number): string {
  return count === 1 ? 'pod' : 'pods';
}

function unit(replicas: number): string {
  return replicas === 1 ? 'replica' : 'replicas';
}

function budgetValue(value: unknown): BudgetValue | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}
