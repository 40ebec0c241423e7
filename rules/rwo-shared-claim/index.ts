import { claimVolumes, exclusiveAccessMode } from '../../src/k8s/claims.js';
import { podSpecOf } from '../../src/k8s/pod-template.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { Resource } from '../../src/types.js';

const SHARED = "PersistentVolumeClaim '{{claim}}' is {{mode}} but mounted by every pod of {{kind}} '{{name}}' ({{pods}})";
const FIX = 'give each replica its own volume (StatefulSet volumeClaimTemplates) or use ReadWriteMany storage';

export default defineRule({
  meta: {
    id: 'rwo-shared-claim',
    severity: 'error',
    severities: ['error', 'warning'],
    description: 'Disallow a ReadWriteOnce or ReadWriteOncePod claim mounted by every pod of a multi-pod workload',
    kinds: ['apps/Deployment', 'extensions/Deployment', 'apps/ReplicaSet', 'extensions/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet', 'extensions/DaemonSet'],
    messages: {
      readWriteOnce: `${SHARED}: pods scheduled on another node cannot attach it (Multi-Attach error) and never start; ${FIX}`,
      readWriteOncePod: `${SHARED}: only one pod can use it, the others never start; ${FIX}`,
    },
  },
  check(resource, context) {
    if (!podSpecOf(resource)) return;
    const pods = describePods(resource, context.index);
    if (!pods) return;
    const reported = new Set<string>();
    for (const { claimName, claim, path } of claimVolumes(resource, context.index)) {
      const mode = claim && exclusiveAccessMode(claim);
      if (!mode || reported.has(claimName)) continue;
      reported.add(claimName);
      const data = { claim: claimName, mode, kind: resource.kind, name: resource.name, pods };
      if (mode === 'ReadWriteOncePod') context.report({ path, severity: 'error', messageId: 'readWriteOncePod', data });
      else context.report({ path, severity: 'warning', messageId: 'readWriteOnce', data });
    }
  },
});

/** How many pods share the template, when more than one can run; undefined otherwise. */
function describePods(resource: Resource, index: ResourceIndex): string | undefined {
  if (resource.kind === 'DaemonSet') return 'one per node';
  const count = replicaCount(resource, index);
  return count && count.max > 1 ? describeReplicas(count) : undefined;
}

