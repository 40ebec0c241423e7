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

function budgetValue(value: unknown): BudgetValue | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}
