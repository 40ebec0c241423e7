import { scaleTargetOf } from '../../src/k8s/autoscalers.js';
import { autoscalersTargeting } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'autoscaler-conflict',
    severity: 'error',
    description: 'Disallow more than one autoscaler (HorizontalPodAutoscaler, KEDA ScaledObject) for the same workload',
    kinds: ['autoscaling/HorizontalPodAutoscaler', 'keda.sh/ScaledObject'],
    messages: {
      conflict:
        "{{kind}} '{{name}}' scales {{target}}, which {{others}} also {{verb}}: each autoscaler sets spec.replicas to its own recommendation in turn, so the replica count flaps; keep one autoscaler for the workload",
    },
  },
  check(resource, context) {
    const target = scaleTargetOf(resource);
    if (!target) return;
    // Without the HPA KEDA made for (or took over from) a ScaledObject of the set: it is that ScaledObject's.
    const conflicting = autoscalersTargeting(context.index, resource.namespace, target);
    if (!conflicting.includes(resource)) return;
    const others = conflicting.filter((other) => other !== resource);
    if (others.length === 0) return;
    // One finding per conflict: on every autoscaler but the first, or on the first when the others are only --context.
    const first = conflicting[0] === resource;
    if (first && others.some((other) => !other.source.contextOnly)) return;
    // A conflict with a linted autoscaler has its finding there: none also on a --context one.
    if (resource.source.contextOnly && others.some((other) => !other.source.contextOnly)) return;
    context.report({
      path: target.path,
      messageId: 'conflict',
      data: {
        kind: resource.kind,
        name: resource.name,
        target: `${target.kind} '${target.name}'`,
        others: others.map((other) => `${other.kind} '${other.name}'`).join(' and '),
        verb: others.length === 1 ? 'scales' : 'scale',
      },
    });
  },
});
