import { podSpecOf } from '../../src/k8s/pod-template.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { describeLabels } from '../../src/k8s/selectors.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'pdb-missing',
    severity: 'warning',
    description: 'Require a PodDisruptionBudget for every StatefulSet and Deployment with more than one replica',
    kinds: ['apps/StatefulSet', 'apps/Deployment', 'extensions/Deployment'],
    messages: {
      missing:
        "{{kind}} '{{name}}' runs {{replicas}} but no PodDisruptionBudget in namespace '{{namespace}}' selects its pods ({{labels}}): a node drain or cluster upgrade may evict them all at once; add one with maxUnavailable: 1",
      partial:
        "{{kind}} '{{name}}' runs {{replicas}} but only some of its pods have a PodDisruptionBudget ({{budgets}}, selecting by the labels the StatefulSet controller gives each pod): a node drain or cluster upgrade may evict the others all at once; add one that selects every pod ({{labels}}) with maxUnavailable: 1",
    },
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const count = replicaCount(resource, context.index);
    if (!count || count.max <= 1) return;
    const labels = podLabels(resource);
    const budgets = context.index.selectingPodsOf('PodDisruptionBudget', resource);
    // Budgets that each cover some pods of a StatefulSet (by pod name or index) protect it when together they cover all.
    if (budgets.length > 0 && context.index.coverage(budgets, resource) === 'all') return;
    const { kind, name, namespace } = resource;
    const data = { kind, name, replicas: describeReplicas(count), namespace, labels: describeLabels(labels) };
    if (budgets.length === 0) return context.report({ path: ['spec', 'replicas'], messageId: 'missing', data });
    const named = budgets.map((budget) => `PodDisruptionBudget '${budget.name}'`);
    context.report({ path: ['spec', 'replicas'], messageId: 'partial', data: { ...data, budgets: named.join(', ') } });
  },
});
