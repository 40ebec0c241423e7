import { podSpecOf } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { isRecord } from '../../src/util/guards.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-partition',
    severity: 'warning',
    description: 'Warn when a StatefulSet rolling update partition is above its highest ordinal',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!podSpecOf(resource) || !isRecord(spec) || !isRecord(spec.updateStrategy)) return;
    const { type, rollingUpdate } = spec.updateStrategy;
    if ((type !== undefined && type !== 'RollingUpdate') || !isRecord(rollingUpdate)) return;
    const partition = rollingUpdate.partition;
    const count = replicaCount(resource, context.index);
    if (!isWholeNumber(partition) || !count || count.max === 0) return;
    const start = isRecord(spec.ordinals) && isWholeNumber(spec.ordinals.start) ? spec.ordinals.start : 0;
    const highest = start + count.max - 1;
    if (partition <= highest) return;
    context.report({
      path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      message: `StatefulSet '${resource.name}' has partition ${partition}, above its highest ordinal ${highest} (${describeReplicas(count)}, ordinals ${start}-${highest}): no pod is ever updated, so template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)`,
    });
  },
};

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export default rule;
