import { claimVolumes } from '../../src/k8s/claims.js';
import { containersOf, isLongRunning, podSpecOf } from '../../src/k8s/pod-template.js';
import { statefulSystemOf } from '../../src/k8s/stateful-systems.js';
import { describeReplicas, replicaCount } from '../../src/k8s/replicas.js';
import type { ResourceIndex } from '../../src/k8s/resource-index.js';
import { defineRule } from '../../src/linter/rule.js';
import type { ObjectPath, Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'deployment-database',
    severity: 'warning',
    description: 'Warn when a Deployment runs a well-known stateful system or shares a PersistentVolumeClaim between replicas',
    kinds: ['apps/Deployment', 'extensions/Deployment'],
    messages: {
      database:
        "Deployment '{{name}}' runs {{system}} (image {{image}}), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
      databasePort:
        "Deployment '{{name}}' runs {{system}} (container '{{container}}' of image {{image}} listens on port {{port}}), a stateful system: run it as a StatefulSet (stable pod identity, one volume per replica, ordered rollouts)",
      sharedClaim:
        "Deployment '{{name}}' runs {{replicas}} that all mount PersistentVolumeClaim {{claims}}: shared state in a Deployment usually belongs in a StatefulSet with volumeClaimTemplates (fine if the claim is ReadWriteMany shared storage)",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        images: {
          description: 'More image repository names of stateful systems, added to the built-in list.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
      },
    },
  },
  defaultOptions: { images: [] as readonly string[] },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const files = { podSpec: podSpec.spec, namespace: resource.namespace, index: context.index };
    let matched = false;
    for (const at of [...containersOf(podSpec.spec, podSpec.path)].filter(isLongRunning)) {
      const found = statefulSystemOf(at, files, context.options.images);
      if (!found) continue;
      matched = true;
      const data = { name: resource.name, system: found.system, image: String(at.container.image) };
      if (found.port) context.report({ path: found.path, messageId: 'databasePort', data: { ...data, port: found.port, container: String(at.container.name) } });
      else context.report({ path: found.path, messageId: 'database', data });
    }
    const shared = matched ? undefined : sharedClaims(resource, context.index);
    if (shared) context.report({ path: shared.path, messageId: 'sharedClaim', data: { name: resource.name, replicas: shared.replicas, claims: shared.claims } });
  },
});

/**
 * A claim shared by the replicas of a Deployment that the linted files do not declare. Declared claims are left to
 * rwo-shared-claim (ReadWriteOnce, ReadWriteOncePod) or are meant to be shared (ReadWriteMany, ReadOnlyMany).
 */
function sharedClaims(resource: Resource, index: ResourceIndex): { path: ObjectPath; replicas: string; claims: string } | undefined {
  const count = replicaCount(resource, index);
  if (!count || count.max <= 1) return undefined;
  const undeclared = claimVolumes(resource, index).filter((volume) => !volume.claim);
  if (undeclared.length === 0) return undefined;
  const claims = [...new Set(undeclared.map((volume) => `'${volume.claimName}'`))].join(', ');
  return { path: undeclared[0].path, replicas: describeReplicas(count), claims };
}
