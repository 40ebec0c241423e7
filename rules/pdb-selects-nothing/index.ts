import { podHoldersOf } from '../../src/k8s/disruption-budget.js';
import { describeRequirement, expressionsOf, isEmptySelector, matchLabelsOf, type LabelSelector } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

export default defineRule({
  meta: {
    id: 'pdb-selects-nothing',
    severity: 'warning',
    description: 'Report a PodDisruptionBudget whose selector selects no workload of the linted files',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      noSelector:
        "PodDisruptionBudget '{{name}}' has no spec.selector, so it selects no pods and protects nothing; set the selector of the workload it is meant for",
      selectsNothing:
        "PodDisruptionBudget '{{name}}' selects {{selector}}, but no workload or Pod of the linted files in namespace '{{namespace}}' has such pods; it protects nothing (check its labels and namespace)",
    },
  },
  check(resource, context) {
    const selector = resource.object.spec?.selector;
    const { name, namespace } = resource;
    if (!isRecord(selector)) {
      context.report({ path: ['spec'], messageId: 'noSelector', data: { name } });
      return;
    }
    if (podHoldersOf(resource, context.index).length > 0) return;
    context.report({ path: ['spec', 'selector'], messageId: 'selectsNothing', data: { name, selector: describeSelector(selector), namespace } });
  },
});

function describeSelector(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return 'every pod of its namespace';
  const labels = matchLabelsOf(selector).map(([key, value]) => `${key}=${String(value)}`);
  const expressions = expressionsOf(selector).map(describeRequirement);
  return `pods with ${[...labels, ...expressions].join(', ')}`;
}

