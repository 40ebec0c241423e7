import { podSpecOf } from '../../src/k8s/pod-template.js';
import { podLabels } from '../../src/k8s/resource-index.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'pdb-missing',
    severity: 'warning',
    description: 'Require a PodDisruptionBudget for every StatefulSet and Deployment with more than one replica',
    kinds: ['apps/StatefulSet', 'apps/Deployment', 'extensions/Deployment'],
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const count = replicaCount(resource, context.index);
    if (!count || count.max <= 1) return;
    const labels = podLabels(resource);
    if (context.index.selecting('PodDisruptionBudget', resource.namespace, labels).length > 0) return;
    const shown = Object.entries(labels ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ');
    context.report({
      path: ['spec', 'replicas'],
      message: `${resource.kind} '${resource.name}' runs ${describeReplicas(count)} but no PodDisruptionBudget in namespace '${resource.namespace}' selects its pods (${shown || 'no labels'}): a node drain or cluster upgrade may evict them all at once; add one with maxUnavailable: 1`,
    });
  },
};

export default rule;
