import { podHoldersOf } from '../../src/k8s/disruption-budget.js';
import { describeRequirement, expressionsOf, isEmptySelector, matchLabelsOf, type LabelSelector } from '../../src/k8s/selectors.js';
import { isRecord } from '../../src/util/guards.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'pdb-selects-nothing',
    severity: 'warning',
    description: 'Report a PodDisruptionBudget whose selector selects no workload of the linted files',
    kinds: ['policy/PodDisruptionBudget'],
  },
  check(resource, context) {
    const selector = resource.object.spec?.selector;
    if (!isRecord(selector)) {
      context.report({
        path: ['spec'],
        message: `PodDisruptionBudget '${resource.name}' has no spec.selector, so it selects no pods and protects nothing; set the selector of the workload it is meant for`,
      });
      return;
    }
    if (podHoldersOf(resource, context.index).length > 0) return;
    context.report({
      path: ['spec', 'selector'],
      message: `PodDisruptionBudget '${resource.name}' selects ${describeSelector(selector)}, but no workload or Pod of the linted files in namespace '${resource.namespace}' has such pods; it protects nothing (check its labels and namespace)`,
    });
  },
};

function describeSelector(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return 'every pod of its namespace';
  const labels = matchLabelsOf(selector).map(([key, value]) => `${key}=${String(value)}`);
  const expressions = expressionsOf(selector).map(describeRequirement);
  return `pods with ${[...labels, ...expressions].join(', ')}`;
}

export default rule;
