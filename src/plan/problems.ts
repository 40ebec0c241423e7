import { rules as builtInRules } from '../../rules/index.js';
import { lintSources, type SourceInput } from '../lint.js';
import type { ResourceIndex } from '../k8s/resource-index.js';
import { isCoreService, statefulSetsGovernedBy } from '../k8s/statefulsets.js';
import { UNUSED_SUPPRESSION } from '../linter/suppressions.js';
import type { LintMessage, Report, Resource, Rule } from '../types.js';
import type { PlanProblem } from './types.js';

/** The lint rules whose findings the plan shows: names the controller derives, and the governing Service. */
export const PLAN_RULE_IDS: readonly string[] = [
  'statefulset-claim-name-too-long',
  'statefulset-name-too-long',
  'statefulset-service-missing',
  'statefulset-service-name',
  'statefulset-service-not-headless',
];

export interface ProblemRun {
  /** Problems by StatefulSet, keyed with `resourceKey`. */
  byStatefulSet: Map<string, PlanProblem[]>;
  /** Findings made while reading and parsing the inputs. */
  inputProblems: PlanProblem[];
  internalError: boolean;
}

interface Attribution {
  ruleId: string;
  visited: Resource;
  report: Report;
  index: ResourceIndex;
}

type Located = LintMessage & { file: string };

/** Identifies one object across two parses of the same text. */
export function resourceKey(resource: Resource): string {
  return [resource.source.path, resource.doc.range[0], resource.basePath.join('.')].join('\u0000');
}

/**
 * Run the lint engine with the plan's rules only, and attach each finding to the StatefulSet it is about:
 * the visited object, or the object reported on, or (for a rule visiting Services) the StatefulSets that
 * Service governs. Every other finding comes from loading the inputs. Suppression comments and annotations
 * work as in `stslint lint`: a suppressed finding is not shown.
 */
export function findProblems(
  inputs: readonly SourceInput[],
  statefulSets: readonly Resource[],
  registry: readonly Rule[] = builtInRules,
): ProblemRun {
  const attributions: Attribution[] = [];
  const planRules = registry.filter((rule) => PLAN_RULE_IDS.includes(rule.meta.id)).map((rule) => attributing(rule, attributions));
  const run = lintSources(inputs, { registry: planRules });
  const messages: Located[] = run.results.flatMap((result) => result.messages.map((message) => ({ ...message, file: result.filePath })));
  const byFinding = new Map(messages.map((message) => [findingKey(message.ruleId, message.file, message.path, message.message), message]));
  const byStatefulSet = new Map<string, PlanProblem[]>();
  for (const attribution of attributions) {
    const target = attribution.report.resource ?? attribution.visited;
    const path = attribution.report.path.join('.');
    const message = byFinding.get(findingKey(attribution.ruleId, target.source.path, path, attribution.report.message));
    if (!message) continue;
    for (const statefulSet of statefulSetsConcerned(attribution)) addProblem(byStatefulSet, resourceKey(statefulSet), message);
  }
  const inputProblems: PlanProblem[] = [];
  for (const message of messages) {
    if (message.ruleId === 'internal-error') {
      for (const statefulSet of statefulSets.filter((resource) => isSubjectOf(message, resource))) {
        addProblem(byStatefulSet, resourceKey(statefulSet), message);
      }
    } else if (!PLAN_RULE_IDS.includes(message.ruleId ?? '') && message.ruleId !== UNUSED_SUPPRESSION) {
      // Suppressions name rules this run leaves out: that they suppress nothing here says nothing.
      inputProblems.push(toProblem(message));
    }
  }
  return { byStatefulSet, inputProblems, internalError: run.internalError };
}

/** The rule, reporting as before, and telling which object it was visiting when it reported. */
function attributing(rule: Rule, sink: Attribution[]): Rule {
  const check = rule.check;
  if (!check) return rule;
  return {
    meta: rule.meta,
    check(visited, context) {
      check(visited, {
        ...context,
        report(report) {
          sink.push({ ruleId: rule.meta.id, visited, report, index: context.index });
          context.report(report);
        },
      });
    },
  };
}

function statefulSetsConcerned({ visited, report, index }: Attribution): Resource[] {
  const involved = [visited, ...(report.resource ? [report.resource] : [])];
  const statefulSets = involved.filter((resource) => resource.kind === 'StatefulSet');
  if (statefulSets.length > 0) return statefulSets;
  return involved.filter(isCoreService).flatMap((service) => statefulSetsGovernedBy(index, service));
}

function isSubjectOf(message: Located, resource: Resource): boolean {
  return (
    message.kind === 'StatefulSet' &&
    message.file === resource.source.path &&
    message.name === resource.name &&
    (message.namespace ?? '') === resource.namespace
  );
}

function addProblem(byStatefulSet: Map<string, PlanProblem[]>, key: string, message: Located): void {
  const problems = byStatefulSet.get(key) ?? [];
  const problem = toProblem(message);
  const same = (other: PlanProblem) => JSON.stringify(other) === JSON.stringify(problem);
  if (!problems.some(same)) problems.push(problem);
  byStatefulSet.set(key, problems);
}

function toProblem(message: Located): PlanProblem {
  return {
    ruleId: message.ruleId ?? 'unknown',
    severity: message.severity === 2 ? 'error' : 'warning',
    message: message.message,
    file: message.file,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
}

function findingKey(ruleId: string | null, file: string, path: string | undefined, message: string): string {
  return [ruleId ?? '', file, path ?? '', message].join('\u0000');
}
