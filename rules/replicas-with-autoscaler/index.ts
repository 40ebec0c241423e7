import { autoscalersOf } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';

export default defineRule({
  meta: {
    id: 'replicas-with-autoscaler',
    severity: 'warning',
    description: 'Warn when a workload that an autoscaler (HorizontalPodAutoscaler or KEDA ScaledObject) scales also sets spec.replicas',
    kinds: ['apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet', 'apps/StatefulSet'],
    messages: {
      replicasSet:
        "{{kind}} '{{name}}' sets spec.replicas: {{replicas}} but {{autoscalers}} {{verb}} it: every kubectl apply or GitOps sync resets the count to {{replicas}}, creating or removing pods; remove spec.replicas and let the autoscaler own the count",
      replicasSetStatefulSet:
        "StatefulSet '{{name}}' sets spec.replicas: {{replicas}} but {{autoscalers}} {{verb}} it: every kubectl apply or GitOps sync resets the count to {{replicas}}, creating or removing pods and their PersistentVolumeClaims; remove spec.replicas and let the autoscaler own the count",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isRecord(spec) || spec.replicas === undefined || spec.replicas === null) return;
    const autoscalers = autoscalersOf(resource, context.index);
    if (autoscalers.length === 0) return;
    const named = autoscalers.map(({ autoscaler, range }) => {
      const bounds = range ? ` (${range.min} to ${range.max} replicas)` : '';
      return `${autoscaler.kind} '${autoscaler.name}'${bounds}`;
    });
    context.report({
      path: ['spec', 'replicas'],
      messageId: resource.kind === 'StatefulSet' ? 'replicasSetStatefulSet' : 'replicasSet',
      data: { kind: resource.kind, name: resource.name, replicas: JSON.stringify(spec.replicas), autoscalers: named.join(' and '), verb: named.length === 1 ? 'scales' : 'scale' },
    });
  },
});
