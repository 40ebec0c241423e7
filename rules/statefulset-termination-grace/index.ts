import { podSpecOf } from '../../src/k8s/pod-template.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'statefulset-termination-grace',
    severity: 'warning',
    description: "Disallow terminationGracePeriodSeconds: 0 in a StatefulSet's pod template",
    kinds: ['apps/StatefulSet'],
    messages: {
      zero: "StatefulSet '{{name}}' sets terminationGracePeriodSeconds: 0: its pods are killed without a chance to shut down, and the Kubernetes docs call a zero grace period unsafe for StatefulSet pods; leave the default (30) or give the time a clean shutdown needs",
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (podSpec?.spec.terminationGracePeriodSeconds !== 0) return;
    context.report({ path: [...podSpec.path, 'terminationGracePeriodSeconds'], messageId: 'zero', data: { name: resource.name } });
  },
});
