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
    },
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const count = replicaCount(resource, context.index);
    if (!count || count.max <= 1) return;
    const labels = podLabels(resource);
    if (context.index.selecting('PodDisruptionBudget', resource.namespace, labels).length > 0) return;
    const { kind, name, namespace } = resource;
    context.report({
      path: ['spec', 'replicas'],
      messageId: 'missing',
      data: { kind, name, replicas: describeReplicas(count), namespace, labels: describeLabels(labels) },
    });
  },
});
