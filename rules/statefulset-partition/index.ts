import { podSpecOf } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isCount, isRecord } from '../../src/util/guards.js';

export default defineRule({
  meta: {
    id: 'statefulset-partition',
    severity: 'warning',
    description: 'Warn when a StatefulSet rolling update partition is above its highest ordinal',
    kinds: ['apps/StatefulSet'],
    messages: {
      aboveHighest:
        "StatefulSet '{{name}}' has partition {{partition}}, above its highest ordinal {{highest}} ({{replicas}}, ordinals {{start}}-{{highest}}): no pod is ever updated, so template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!podSpecOf(resource) || !isRecord(spec) || !isRecord(spec.updateStrategy)) return;
    const { type, rollingUpdate } = spec.updateStrategy;
    if ((type !== undefined && type !== 'RollingUpdate') || !isRecord(rollingUpdate)) return;
    const partition = rollingUpdate.partition;
    const count = replicaCount(resource, context.index);
    if (!isCount(partition) || !count || count.max === 0) return;
    const start = isRecord(spec.ordinals) && isCount(spec.ordinals.start) ? spec.ordinals.start : 0;
    const highest = start + count.max - 1;
    if (partition <= highest) return;
    context.report({
      path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      messageId: 'aboveHighest',
      data: { name: resource.name, partition, highest, replicas: describeReplicas(count), start },
    });
  },
});
