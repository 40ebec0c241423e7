import { containersOf, podSpecOf, volumeUsesOf } from '../../src/k8s/pod-template.js';
import { claimTemplatesOf, isStatefulSet } from '../../src/k8s/statefulsets.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'statefulset-claim-unmounted',
    severity: 'warning',
    description: 'Report a StatefulSet claim template that no container mounts',
    kinds: ['apps/StatefulSet'],
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
      context.report({
        path: [...path, 'metadata', 'name'],
        message: `Claim template '${name}' of StatefulSet '${resource.name}' is mounted by no container: each pod still gets a PersistentVolumeClaim '${name}-${resource.name}-<ordinal>' that nothing uses; add a volumeMounts entry named '${name}' or remove the template`,
      });
    }
  },
};

export default rule;
