import { podSpecOf, spreadingTermsOf } from '../../src/k8s/pod-template.js';
import { claimTemplatesOf } from '../../src/k8s/statefulsets.js';
import { claimClassOf, storageClassFacts, storageClassOfClaim } from '../../src/k8s/storage.js';
import { defineRule } from '../../src/linter/rule.js';

/** Well-known topology keys whose domains are zones or regions (GA and deprecated beta spellings). */
const ZONE_KEYS: ReadonlySet<string> = new Set([
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
]);

export default defineRule({
  meta: {
    id: 'storageclass-binding-mode',
    severity: 'warning',
    description: 'Warn when a StatefulSet that spreads its pods over zones gets volumes from a StorageClass that binds them Immediately',
    kinds: ['apps/StatefulSet'],
    messages: {
      immediate:
        "Claim template '{{template}}' of StatefulSet '{{name}}' uses StorageClass '{{storageClass}}'{{viaDefault}} with volumeBindingMode: Immediate{{defaulted}}, but the pods are spread over zones ({{spreading}}): each volume is provisioned in a zone before its pod is scheduled, so the volumes' zones, not the spreading, decide where pods run, and a pod kept out of its volume's zone stays Pending; use a StorageClass with volumeBindingMode: WaitForFirstConsumer",
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    const spreading = podSpec && spreadingTermsOf(podSpec.spec).find((term) => ZONE_KEYS.has(term.topologyKey));
    if (!spreading) return;
    for (const { template, path, name } of claimTemplatesOf(resource)) {
      if (name === undefined) continue; // statefulset-claim-template-invalid reports it
      const claimClass = claimClassOf(template, path);
      const found = storageClassOfClaim(context.index, claimClass);
      if (!found || storageClassFacts(found.storageClass).volumeBindingMode !== 'Immediate') continue;
      context.report({
        path: found.viaDefault ? [...path, 'metadata', 'name'] : claimClass.path,
        messageId: 'immediate',
        data: {
          template: name,
          name: resource.name,
          storageClass: found.storageClass.name,
          viaDefault: found.viaDefault ? ' (the default StorageClass: the template names none)' : '',
          defaulted: typeof found.storageClass.object.volumeBindingMode === 'string' ? '' : ' (the default)',
          spreading: `${spreading.field} on ${spreading.topologyKey}`,
        },
      });
    }
  },
});
