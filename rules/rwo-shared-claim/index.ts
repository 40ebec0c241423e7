import { claimVolumes, exclusiveAccessMode } from '../../src/k8s/claims.js';
import { podSpecOf } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import type { Resource, Rule, RuleContext } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'rwo-shared-claim',
    severity: 'error',
    severities: ['error', 'warning'],
    description: 'Disallow a ReadWriteOnce or ReadWriteOncePod claim mounted by every pod of a multi-pod workload',
    kinds: ['apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet', 'extensions/DaemonSet'],
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const pods = describePods(resource, context);
    if (!pods) return;
    const reported = new Set<string>();
    for (const { claimName, claim, path } of claimVolumes(resource, context.index)) {
      const mode = claim && exclusiveAccessMode(claim);
      if (!mode || reported.has(claimName)) continue;
      reported.add(claimName);
      const effect =
        mode === 'ReadWriteOncePod'
          ? 'only one pod can use it, the others never start'
          : 'pods scheduled on another node cannot attach it (Multi-Attach error) and never start';
      context.report({
        path,
        severity: mode === 'ReadWriteOncePod' ? 'error' : 'warning',
        message: `PersistentVolumeClaim '${claimName}' is ${mode} but mounted by every pod of ${resource.kind} '${resource.name}' (${pods}): ${effect}; give each replica its own volume (StatefulSet volumeClaimTemplates) or use ReadWriteMany storage`,
      });
    }
  },
};

/** How many pods share the template, when more than one can run; undefined otherwise. */
function describePods(resource: Resource, context: RuleContext): string | undefined {
  if (resource.kind === 'DaemonSet') return 'one per node';
  const count = replicaCount(resource, context.index);
  return count && count.max > 1 ? describeReplicas(count) : undefined;
}

export default rule;
