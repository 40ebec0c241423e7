import type { SourceInput } from '../lint.js';
import { loadSource } from '../load/source.js';
import { ResourceIndex } from '../k8s/resource-index.js';
import { isStatefulSet } from '../k8s/statefulsets.js';
import type { Resource, Rule } from '../types.js';
import { planStatefulSet, type ModelOptions } from './model.js';
import { findProblems, resourceKey } from './problems.js';
import { PLAN_VERSION, type Plan, type PlanProblem } from './types.js';

export interface PlanOptions extends ModelOptions {
  /** Plan only the StatefulSet of that name. */
  name?: string;
  /** Plan only StatefulSets of that namespace ('default' for manifests without one). */
  namespace?: string;
  /** The rules to take the plan's problems from: the built-in registry unless given. */
  registry?: readonly Rule[];
}

export interface PlanRun {
  plan: Plan;
  /** StatefulSets found before `name` and `namespace` selected among them. */
  found: number;
  /** A rule threw: the plan is incomplete. */
  internalError: boolean;
}

/** Plan every selected StatefulSet of the sources; `readProblems` are files that could not be read. */
export function planSources(
  inputs: readonly SourceInput[],
  options: PlanOptions,
  readProblems: readonly PlanProblem[] = [],
): PlanRun {
  const resources = inputs.flatMap((input) => loadSource(input.path, input.text).resources);
  const index = new ResourceIndex(resources);
  // A custom resource that shares the kind name has another controller.
  const found = index.ofKind('StatefulSet').filter(isStatefulSet);
  const selected = found.filter((resource) => isSelected(resource, options));
  const problems = findProblems(inputs, selected, options.registry);
  const statefulSets = selected.map((resource) => ({
    ...planStatefulSet(resource, index, options),
    problems: sortProblems(problems.byStatefulSet.get(resourceKey(resource)) ?? []),
  }));
  return {
    plan: {
      version: PLAN_VERSION,
      clusterDomain: options.clusterDomain,
      statefulSets,
      inputProblems: sortProblems([...readProblems, ...problems.inputProblems]),
    },
    found: found.length,
    internalError: problems.internalError,
  };
}

/** Every problem of the plan, input problems first. */
export function allProblems(plan: Plan): PlanProblem[] {
  return [...plan.inputProblems, ...plan.statefulSets.flatMap((statefulSet) => statefulSet.problems)];
}

function isSelected(resource: Resource, options: PlanOptions): boolean {
  if (options.name !== undefined && resource.name !== options.name) return false;
  return options.namespace === undefined || resource.namespace === options.namespace;
}

function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
