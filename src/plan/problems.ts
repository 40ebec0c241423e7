import type { LintRun } from '../linter/linter.js';
import { isCoreService, statefulSetsGovernedBy } from '../k8s/statefulsets.js';
import { isStatefulSet } from '../k8s/kinds.js';
import type { Finding, Resource } from '../types.js';
import type { PlanProblem } from './types.js';

/**
 * The lint rules whose findings the plan shows: what makes the StatefulSet or its pods refused (schema, selector),
 * the names the controller derives, the governing Service, and with a base, updates the API server refuses and
 * claims left behind.
 */
export const PLAN_RULE_IDS: readonly string[] = [
  'claims-orphaned',
  'immutable-field-changed',
  'schema',
  'selector-label-mismatch',
  'statefulset-claim-name-too-long',
  'statefulset-name-too-long',
  'statefulset-service-missing',
  'statefulset-service-name',
  'statefulset-service-not-headless',
];

export interface PlanProblems {
  /** Problems by StatefulSet. */
  byStatefulSet: Map<Resource, PlanProblem[]>;
  /** Findings not about an object: reading and parsing the inputs, objects without kind or name. */
  inputProblems: PlanProblem[];
}

/**
 * Attach each finding of a lint run (made with the plan's rules) to the StatefulSets it is about: the object it
 * is on or the object visited when it was reported, and, for a Service, the StatefulSets it governs. Findings
 * without an object come from reading the inputs. Suppressions work as in `stslint lint`.
 */
export function planProblems(run: LintRun): PlanProblems {
  const byStatefulSet = new Map<Resource, PlanProblem[]>();
  const inputProblems: PlanProblem[] = [];
  for (const finding of run.findings) {
    if (!finding.resource) {
      inputProblems.push(toProblem(finding));
      continue;
    }
    for (const statefulSet of statefulSetsConcerned(finding, run)) {
      const problems = byStatefulSet.get(statefulSet) ?? [];
      problems.push(toProblem(finding));
      byStatefulSet.set(statefulSet, problems);
    }
  }
  return { byStatefulSet, inputProblems };
}

function statefulSetsConcerned(finding: Finding, run: LintRun): Resource[] {
  const involved = [finding.resource!, ...(finding.visited ? [finding.visited] : [])];
  const statefulSets = involved.filter(isStatefulSet);
  if (statefulSets.length > 0) return statefulSets;
  return involved.filter(isCoreService).flatMap((service) => statefulSetsGovernedBy(run.index, service));
}

function toProblem(finding: Finding): PlanProblem {
  const { ruleId, severity, message, file, line, column, endLine, endColumn } = finding;
  return { ruleId, severity, message, file, line, column, endLine, endColumn };
}
