import { rules as registry } from '../../rules/index.js';
import { lintSources, type LintOptions, type SourceInput } from '../lint.js';
import type { LintRun } from '../linter/linter.js';
import { isStatefulSet } from '../k8s/statefulsets.js';
import type { AnyRule, Resource } from '../types.js';
import { planStatefulSet, type ModelOptions } from './model.js';
import { PLAN_RULE_IDS, planProblems } from './problems.js';
import { PLAN_VERSION, type Plan, type PlanProblem } from './types.js';

export interface PlanOptions extends ModelOptions {
  /** Plan only the StatefulSet of that name. */
  name?: string;
  /** Plan only StatefulSets of that namespace (objects without one are in `--namespace`, else 'default'). */
  namespace?: string;
}

export interface PlanSourcesOptions extends PlanOptions {
  /** The rules to take the problems from (those with a plan rule id): the built-in registry unless given. */
  registry?: readonly AnyRule[];
}

export interface PlanRun {
  plan: Plan;
  /** StatefulSets found before `name` and `namespace` selected among them. */
  found: number;
  /** A rule threw: the plan is incomplete. */
  internalError: boolean;
}

/**
 * Plan every selected StatefulSet of a lint run made with the plan's rules (PLAN_RULE_IDS): the objects are the
 * run's, read and parsed once, and each StatefulSet's problems are the run's findings about it.
 */
export function planRun(run: LintRun, options: PlanOptions): PlanRun {
  // A custom resource that shares the kind name has another controller.
  const found = run.index.linted.filter(isStatefulSet);
  const selected = found.filter((resource) => isSelected(resource, options));
  const problems = planProblems(run);
  const statefulSets = selected.map((resource) => ({
    ...planStatefulSet(resource, run.index, options),
    problems: sortProblems(problems.byStatefulSet.get(resource) ?? []),
  }));
  return {
    plan: { version: PLAN_VERSION, clusterDomain: options.clusterDomain, statefulSets, inputProblems: sortProblems(problems.inputProblems) },
    found: found.length,
    internalError: run.internalError,
  };
}

/** Plan sources already in memory (the lint options may set the namespace, the version...). */
export function planSources(sources: readonly SourceInput[], options: PlanSourcesOptions, lintOptions: LintOptions = {}): PlanRun {
  const planRules = (options.registry ?? registry).filter((rule) => PLAN_RULE_IDS.includes(rule.meta.id));
  const run = lintSources(sources, { namespace: options.namespace, ...lintOptions, registry: planRules });
  return planRun(run, options);
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
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
}
