import { budgetFieldOf, describeTargets, pods, replicasOf, type BudgetTarget, type BudgetValue } from '../../src/k8s/disruption-budget.js';
import { isZero, percentOf, scaledValue } from '../../src/k8s/int-or-percent.js';
import { defineRule } from '../../src/linter/rule.js';

const BLOCKED = 'no pod can ever be evicted, so node drains hang';

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    severity: 'error',
    description: 'Disallow a PodDisruptionBudget that allows no voluntary eviction of the pods it selects',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      maxUnavailable: `PodDisruptionBudget '{{name}}' sets maxUnavailable {{value}} for {{targets}}: ${BLOCKED}`,
      minAvailable: `PodDisruptionBudget '{{name}}' requires minAvailable {{value}} of {{targets}}: ${BLOCKED}`,
      minAvailableRounded:
        `PodDisruptionBudget '{{name}}' requires minAvailable {{value}} of {{targets}}, which rounds up to {{required}} {{pods}}: ${BLOCKED}`,
    },
  },
  check(resource, context) {
    const budget = budgetFieldOf(resource, context.index);
    if (!budget) return;
    const { field, value, targets } = budget;
    const name = resource.name;
    if (field === 'maxUnavailable') {
      if (!isZero(value)) return;
      context.report({ path: ['spec', field], messageId: 'maxUnavailable', data: { name, value: String(value), targets: describeTargets(targets, 'max') } });
      return;
    }
    const blocked = minimumBlocks(value, targets);
    if (!blocked) return;
    const data = { name, value: String(value), targets: describeTargets(targets, 'min') };
    const required = blocked.roundedUp;
    if (required === undefined) context.report({ path: ['spec', field], messageId: 'minAvailable', data });
    else context.report({ path: ['spec', field], messageId: 'minAvailableRounded', data: { ...data, required, pods: pods(required) } });
  },
});

/**
 * Whether minAvailable leaves no pod to evict; `roundedUp` is the pod count a percentage below 100% comes to.
 * Undefined when it allows an eviction or the pod count is unknown.
 */
function minimumBlocks(value: BudgetValue, targets: BudgetTarget[] | undefined): { roundedUp?: number } | undefined {
  const percent = percentOf(value);
  if (percent !== undefined && percent >= 100) return {};
  // Below 100%, whether the budget blocks depends on how many pods it covers.
  const replicas = targets && replicasOf(targets, 'min');
  if (!replicas) return undefined;
  if (typeof value === 'number' && value >= replicas) return {};
  if (percent === undefined) return undefined;
  // The disruption controller rounds a percentage of the replica count up.
  const required = scaledValue(value, replicas, true)!;
  return required >= replicas ? { roundedUp: required } : undefined;
}
