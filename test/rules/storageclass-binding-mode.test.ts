import { describe } from 'vitest';
import rule from '../../rules/storageclass-binding-mode/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { doc, statefulSet, storageClass, template } from '../helpers/storage-manifests.js';

const zoneSpread = `      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: db}}}
`;
const zoneAntiAffinity = `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm: {topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: db}}}
`;
const hostAntiAffinity = zoneAntiAffinity.replace('topology.kubernetes.io/zone', 'kubernetes.io/hostname');

/** With a 2-line podSpec the template starts on line 20: name on 21, storageClassName on 23. */
const className = { line: 23, column: 7, endLine: 23, endColumn: 33 };

describe('storageclass-binding-mode', () => {
  testRule(rule, {
    valid: [
      // Spread over nodes only: the volume's zone does not fight the spreading.
      doc(statefulSet({ podSpec: hostAntiAffinity, templates: [template('data', 'standard')] }), storageClass('standard')),
      doc(statefulSet({ podSpec: zoneSpread, templates: [template('data', 'standard')] }), storageClass('standard', 'volumeBindingMode: WaitForFirstConsumer\n')),
      // The class is not in the inputs: its binding mode is unknown.
      statefulSet({ podSpec: zoneSpread, templates: [template('data', 'standard')] }),
      // No class at all, or no class written and no default StorageClass among the inputs.
      doc(statefulSet({ podSpec: zoneSpread, templates: [template('data', '""')] }), storageClass('standard')),
      doc(statefulSet({ podSpec: zoneSpread, templates: [template('data')] }), storageClass('standard')),
      // A StorageClass of another API group.
      doc(statefulSet({ podSpec: zoneSpread, templates: [template('data', 'standard')] }), storageClass('standard').replace('storage.k8s.io/v1', 'example.com/v1')),
    ],
    invalid: [
      {
        // The StorageClass in another file; volumeBindingMode written.
        code: {
          'db.yaml': statefulSet({ podSpec: zoneSpread, templates: [template('data', 'standard')] }),
          'classes.yaml': storageClass('standard', 'volumeBindingMode: Immediate\n'),
        },
        errors: [{ ...className, message: "Claim template 'data' of StatefulSet 'db' uses StorageClass 'standard' with volumeBindingMode: Immediate, but the pods are spread over zones (topologySpreadConstraints on topology.kubernetes.io/zone): each volume is provisioned in a zone before its pod is scheduled" }],
      },
      {
        // No class written: the default StorageClass, Immediate by default. Preferred anti-affinity counts (5 lines).
        code: doc(statefulSet({ podSpec: zoneAntiAffinity, templates: [template('data')] }), storageClass('gp2', '', true)),
        errors: [{ line: 24, column: 7, endLine: 24, endColumn: 17, message: "uses StorageClass 'gp2' (the default StorageClass: the template names none) with volumeBindingMode: Immediate (the default), but the pods are spread over zones (podAntiAffinity on topology.kubernetes.io/zone)" }],
      },
      {
        // Two templates: only the Immediate one. The beta class annotation wins over storageClassName.
        code: doc(
          statefulSet({
            podSpec: zoneSpread,
            templates: [template('data', 'fast'), template('logs', 'fast').replace('      name: logs\n', '      name: logs\n      annotations: {volume.beta.kubernetes.io/storage-class: slow}\n')],
          }),
          storageClass('fast', 'volumeBindingMode: WaitForFirstConsumer\n'),
          storageClass('slow'),
        ),
        errors: [{ line: 28, column: 21, endLine: 28, endColumn: 66, message: "Claim template 'logs' of StatefulSet 'db' uses StorageClass 'slow'" }],
      },
    ],
  });
});
