import rule from '../../rules/storageclass-binding-mode/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claimTemplate, documents, statefulSet, storageClass } from '../helpers/manifests.js';

type Tree = Record<string, unknown>;

const labelSelector = { matchLabels: { app: 'db' } };
/** Pod spec fields spreading the pods over zones (7 lines), or over nodes. */
const zoneSpread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector }] };
const antiAffinity = (topologyKey: string) => ({
  affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey, labelSelector } }] } },
});
/** The StatefulSet 'db' with `pod` fields and claim templates (from line 25 with zoneSpread). */
const db = (pod: Tree, ...templates: Tree[]) => statefulSet({ name: 'db', pod, spec: { volumeClaimTemplates: templates } });
const data = (storageClassName?: string) => claimTemplate({ storageClassName });
const immediate = { fields: { volumeBindingMode: 'Immediate' } };
const waitForFirstConsumer = { fields: { volumeBindingMode: 'WaitForFirstConsumer' } };

const spreadOverZones = 'topologySpreadConstraints on topology.kubernetes.io/zone';

new RuleTester().run('storageclass-binding-mode', rule, {
  valid: [
    // Spread over nodes only: the volume's zone does not fight the spreading.
    documents(db(antiAffinity('kubernetes.io/hostname'), data('standard')), storageClass()),
    documents(db(zoneSpread, data('standard')), storageClass(waitForFirstConsumer)),
    // The class is not in the inputs: its binding mode is unknown.
    db(zoneSpread, data('standard')),
    // No class at all, or no class written and no default StorageClass among the inputs.
    documents(db(zoneSpread, data('')), storageClass()),
    documents(db(zoneSpread, data()), storageClass()),
    // A StorageClass of another API group.
    documents(db(zoneSpread, data('standard')), storageClass({ apiVersion: 'example.com/v1' })),
  ],
  invalid: [
    {
      // The StorageClass in another file; volumeBindingMode written.
      code: { 'db.yaml': db(zoneSpread, data('standard')), 'classes.yaml': storageClass(immediate) },
      errors: [
        {
          file: 'db.yaml',
          messageId: 'immediate',
          message:
            "Claim template 'data' of StatefulSet 'db' uses StorageClass 'standard' with volumeBindingMode: Immediate, but the pods are spread over zones (topologySpreadConstraints on topology.kubernetes.io/zone): each volume is provisioned in a zone before its pod is scheduled, so the volumes' zones, not the spreading, decide where pods run, and a pod kept out of its volume's zone stays Pending; use a StorageClass with volumeBindingMode: WaitForFirstConsumer",
          severity: 'warning',
          // storageClassName of the template.
          line: 29,
          column: 9,
          endLine: 29,
          endColumn: 35,
        },
      ],
    },
    {
      // No class written: the default StorageClass, Immediate by default; reported on the template's name. Preferred
      // anti-affinity counts (9 lines).
      code: documents(db(antiAffinity('topology.kubernetes.io/zone'), data()), storageClass({ name: 'gp2', isDefault: true })),
      errors: [
        {
          messageId: 'immediate',
          data: {
            template: 'data',
            name: 'db',
            storageClass: 'gp2',
            viaDefault: ' (the default StorageClass: the template names none)',
            defaulted: ' (the default)',
            spreading: 'podAntiAffinity on topology.kubernetes.io/zone',
          },
          line: 29,
          column: 9,
          endLine: 29,
          endColumn: 19,
        },
      ],
    },
    {
      // Two templates: only the Immediate one. The beta class annotation wins over storageClassName.
      code: documents(
        db(zoneSpread, data('fast'), claimTemplate({ name: 'logs', storageClassName: 'fast', metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } } })),
        storageClass({ name: 'fast', ...waitForFirstConsumer }),
        storageClass({ name: 'slow' }),
      ),
      errors: [
        {
          messageId: 'immediate',
          data: { template: 'logs', name: 'db', storageClass: 'slow', viaDefault: '', defaulted: ' (the default)', spreading: spreadOverZones },
          // The annotation of the second template.
          line: 38,
          column: 11,
          endLine: 38,
          endColumn: 56,
        },
      ],
    },
  ],
});
