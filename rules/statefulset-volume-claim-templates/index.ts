import { podSpecOf } from '../../src/k8s/pod-template.js';
import { isRecord } from '../../src/util/guards.js';
import { isStatefulSet } from '../../src/k8s/statefulsets.js';
import { defineRule } from '../../src/linter/rule.js';
import type { Resource } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'statefulset-volume-claim-templates',
    severity: 'warning',
    description: 'Warn when a StatefulSet has no volumeClaimTemplates to give each pod its own storage',
    kinds: ['apps/StatefulSet'],
    messages: {
      none: "StatefulSet '{{name}}' has no volumeClaimTemplates: its pods get no PersistentVolumeClaim of their own, so their data does not follow them across rescheduling; add a claim template, or use a Deployment if the pods keep no state",
    },
  },
  check(resource, context) {
    const spec = resource.object.spec;
    if (!isStatefulSet(resource) || !isRecord(spec)) return;
    const templates = spec.volumeClaimTemplates;
    if (Array.isArray(templates) ? templates.length > 0 : templates != null) return; // a non-list is the schema's finding
    if (mountsClaim(resource)) return; // storage chosen deliberately: a claim made beforehand (sharing it is rwo-shared-claim's concern)
    context.report({ path: templates === undefined ? ['spec'] : ['spec', 'volumeClaimTemplates'], messageId: 'none', data: { name: resource.name } });
  },
});

function mountsClaim(resource: Resource): boolean {
  const podSpec = podSpecOf(resource);
  const volumes = Array.isArray(podSpec?.spec.volumes) ? podSpec.spec.volumes : [];
  return volumes.some((volume) => isRecord(volume) && isRecord(volume.persistentVolumeClaim));
}

