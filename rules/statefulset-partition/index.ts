import { podSpecOf, startOrdinal } from '../../src/k8s/pod-template.js';
import { normalizeVersion } from '../../src/k8s/api-versions.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isCount, isRecord } from '../../src/util/guards.js';

export default defineRule({
  meta: {
    id: 'statefulset-partition',
    severity: 'warning',
    description: 'Warn when a StatefulSet rolling update partition leaves every pod on the old template',
    kinds: ['apps/StatefulSet'],
    messages: {
      noPodUpdated:
        "StatefulSet '{{name}}' has partition {{partition}}, not below its pod count ({{replicas}}, ordinals {{start}}-{{highest}}): the controller compares the partition with each pod's position from the first ordinal (0-{{lastPosition}}), so no pod is ever updated and template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!podSpecOf(resource) || !isRecord(spec) || !isRecord(spec.updateStrategy)) return;
    const { type, rollingUpdate } = spec.updateStrategy;
    if ((type !== undefined && type !== 'RollingUpdate') || !isRecord(rollingUpdate)) return;
    const partition = rollingUpdate.partition;
    const count = replicaCount(resource, context.index);
    if (!isCount(partition) || !count || count.max === 0 || partition < count.max) return;
    const start = startOrdinal(resource, normalizeVersion(context.kubernetesVersion));
    context.report({
      path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      messageId: 'noPodUpdated',
      data: { name: resource.name, partition, replicas: describeReplicas(count), start, highest: start + count.max - 1, lastPosition: count.max - 1 },
    });
  },
});
