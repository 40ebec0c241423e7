import { budgetOf } from '../../src/k8s/disruption-budget.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

export default defineRule({
  meta: {
    id: 'pdb-policy',
    severity: 'error',
    severities: ['error', 'warning'],
    description: 'Require a PodDisruptionBudget to set exactly one of minAvailable and maxUnavailable',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      both: "PodDisruptionBudget '{{name}}' sets both minAvailable ({{minAvailable}}) and maxUnavailable ({{maxUnavailable}}); the API server rejects it: keep one",
      neither:
        "PodDisruptionBudget '{{name}}' sets neither minAvailable nor maxUnavailable: the disruption controller then expects no pods and allows no eviction of the pods it selects; set maxUnavailable: 1 or a minAvailable below the replica count",
    },
  },
  check(resource, context) {
    const { minAvailable, maxUnavailable } = budgetOf(resource);
    const name = resource.name;
    if (minAvailable !== undefined && maxUnavailable !== undefined) {
      context.report({ path: ['spec', laterKey(resource.object.spec)], messageId: 'both', data: { name, minAvailable, maxUnavailable } });
    } else if (minAvailable === undefined && maxUnavailable === undefined) {
      context.report({ path: ['spec'], severity: 'warning', messageId: 'neither', data: { name } });
    }
  },
});

/** Of the two budget fields, the one written last: the one added on top of the other. */
function laterKey(spec: unknown): 'minAvailable' | 'maxUnavailable' {
  const keys = isRecord(spec) ? Object.keys(spec) : [];
  return keys.indexOf('minAvailable') > keys.indexOf('maxUnavailable') ? 'minAvailable' : 'maxUnavailable';
}
