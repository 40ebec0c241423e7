import { budgetFieldOf, describeTargets, pods, replicasOf } from '../../src/k8s/disruption-budget.js';
import { isZero, percentOf, scaledValue } from '../../src/k8s/int-or-percent.js';
import { defineRule } from '../../src/linter/rule.js';

const ALLOWS_ALL = 'every pod it selects may be evicted at the same time, so it protects nothing against drains and upgrades';

export default defineRule({
  meta: {
    id: 'pdb-allows-all',
    severity: 'warning',
    description: 'Warn about a PodDisruptionBudget that allows every pod it selects to be evicted at once',
    kinds: ['policy/PodDisruptionBudget'],
    messages: {
      minAvailable: `PodDisruptionBudget '{{name}}' requires minAvailable {{value}} of {{targets}}: ${ALLOWS_ALL}; set maxUnavailable: 1 instead`,
      maxUnavailable: `PodDisruptionBudget '{{name}}' sets maxUnavailable {{value}} for {{targets}}: ${ALLOWS_ALL}; set maxUnavailable: 1`,
      maxUnavailableRounded: `PodDisruptionBudget '{{name}}' sets maxUnavailable {{value}} for {{targets}}, which rounds up to {{allowed}} {{pods}}: ${ALLOWS_ALL}; set maxUnavailable: 1`,
    },
  },
  check(resource, context) {
    const budget = budgetFieldOf(resource, context.index);
    if (!budget) return;
    const { field, value, targets } = budget;
    const data = { name: resource.name, value: String(value), targets: describeTargets(targets, 'min') };
    if (field === 'minAvailable') {
      if (isZero(value)) context.report({ path: ['spec', field], messageId: 'minAvailable', data });
      return;
    }
    const percent = percentOf(value);
    if (percent !== undefined && percent >= 100) {
      context.report({ path: ['spec', field], messageId: 'maxUnavailable', data });
      return;
    }
    // Against a replica count: with a single replica a budget can only allow its eviction or block it, and
    // maxUnavailable 1 is the usual choice there (pdb-missing asks for budgets from two replicas on).
    const replicas = targets ? replicasOf(targets, 'min') : 0;
    const allowed = scaledValue(value, replicas, true);
    if (replicas <= 1 || allowed === undefined || allowed < replicas) return;
    if (percent === undefined) context.report({ path: ['spec', field], messageId: 'maxUnavailable', data });
    else context.report({ path: ['spec', field], messageId: 'maxUnavailableRounded', data: { ...data, allowed, pods: pods(allowed) } });
  },
});
