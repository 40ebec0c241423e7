import { containersOf, podSpecOf, volumeUsesOf } from '../../src/k8s/pod-template.js';
import { claimTemplatesOf } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'statefulset-claim-unmounted',
    severity: 'warning',
    description: 'Report a StatefulSet claim template that no container mounts',
    kinds: ['apps/StatefulSet'],
    messages: {
      unmounted:
        "Claim template '{{claim}}' of StatefulSet '{{name}}' is mounted by no container: each pod still gets a PersistentVolumeClaim '{{claim}}-{{name}}-<ordinal>' that nothing uses; add a volumeMounts entry named '{{claim}}' or remove the template",
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!isStatefulSet(resource) || !podSpec) return;
    const used = new Set<string>();
    for (const container of containersOf(podSpec.spec, podSpec.path)) {
      for (const use of volumeUsesOf(container)) used.add(use.name);
    }
    for (const { path, name } of claimTemplatesOf(resource)) {
      if (name === undefined || used.has(name)) continue;
      context.report({ path: [...path, 'metadata', 'name'], messageId: 'unmounted', data: { claim: name, name: resource.name } });
    }
  },
});
