import { rules as registry } from '../../rules/index.js';
import { lintSources, type LintOptions, type SourceInput } from '../lint.js';
import type { LintRun } from '../linter/linter.js';
import { isLiveObject } from '../base/compare.js';
import { isStatefulSet } from '../k8s/kinds.js';
import type { Resource } from '../types.js';
import type { AnyRule } from '../linter/rule.js';
import { changeOf, deletedChange } from './change.js';
import { planStatefulSet, targetVersion, type ModelOptions } from './model.js';
import { PLAN_RULE_IDS, planProblems } from './problems.js';
import { PLAN_VERSION, type Plan, type PlanProblem } from './types.js';

export interface PlanOptions extends ModelOptions {
  /** Plan only the StatefulSet of that name. */
  name?: string;
  /** Plan only StatefulSets of that namespace (objects without one are in `--namespace`, else 'default'). */
  namespace?: string;
  /** Files in the commands of a change are relative to this directory. */
  cwd?: string;
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
  const { index } = run;
  const found = index.linted.filter(isStatefulSet);
  const selected = found.filter((resource) => isSelected(resource, options));
  const problems = planProblems(run);
  const kubernetesVersion = targetVersion(options.kubernetesVersion);
  const changeOptions = { kubernetesVersion, featureGates: options.featureGates, cwd: options.cwd };
  const modelOptions = { ...options, kubernetesVersion };
  const statefulSets = selected.map((resource) => {
    const plan = { ...planStatefulSet(resource, index, modelOptions), problems: sortProblems(problems.byStatefulSet.get(resource) ?? []) };
    return { ...plan, change: index.hasBase ? changeOf(resource, plan, index, changeOptions) : null };
  });
  // A StatefulSet of the base the run no longer has is deleted: planned from its base object, with its deletion.
  // Live objects are left out: a live export holds whatever else runs in the namespace.
  const deleted = index.baseObjects.filter((old) => isStatefulSet(old) && !index.current(old) && !isLiveObject(old) && isSelected(old, options));
  for (const old of deleted) {
    const plan = planStatefulSet(old, index, { ...modelOptions, scaleTo: [], delete: true });
    statefulSets.push({ ...plan, problems: sortProblems(problems.byStatefulSet.get(old) ?? []), change: deletedChange(old) });
  }
  return {
    plan: {
      version: PLAN_VERSION,
      kubernetesVersion,
      featureGates: options.featureGates ?? {},
      clusterDomain: options.clusterDomain, statefulSets, inputProblems: sortProblems(problems.inputProblems) },
    found: found.length,
    internalError: run.internalError,
  };
}

/** Plan sources already in memory (the lint options may set the namespace, the version...). */
export function planSources(sources: readonly SourceInput[], options: PlanSourcesOptions, lintOptions: LintOptions = {}): PlanRun {
  const planRules = (options.registry ?? registry).filter((rule) => PLAN_RULE_IDS.includes(rule.meta.id));
  const run = lintSources(sources, { namespace: options.namespace, ...lintOptions, registry: planRules });
  return planRun(run, { kubernetesVersion: lintOptions.kubernetesVersion, ...options });
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
