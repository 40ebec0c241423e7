import { isAutoscaler, isKedaOwnHpa, isScaledObject, scaleTargetOf, type ScaleTarget } from '../../src/k8s/autoscalers.js';
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
    const targeting = context.index
      .scaledBy(target.kind, resource.namespace, target.name)
      .filter((other) => isAutoscaler(other) && sameWorkload(target, scaleTargetOf(other)!));
    // The HPA KEDA made for (or took over from) a ScaledObject of the set is that ScaledObject's, not a rival.
    const scaledObjects = targeting.filter(isScaledObject);
    const conflicting = targeting.filter((other) => isScaledObject(other) || !scaledObjects.some((owner) => isKedaOwnHpa(other, owner)));
    if (!conflicting.includes(resource)) return;
    const others = conflicting.filter((other) => other !== resource);
    if (others.length === 0) return;
    // One finding per conflict: on every autoscaler but the first, or on the first when the others are only --context.
    const first = conflicting[0] === resource;
    if (first && others.some((other) => !other.source.contextOnly)) return;
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

/** Two references to one workload: same kind and name, and same API group when both give one. */
function sameWorkload(a: ScaleTarget, b: ScaleTarget): boolean {
  return a.kind === b.kind && a.name === b.name && (a.group === undefined || b.group === undefined || a.group === b.group);
}
