import { describe } from 'vitest';
import rule from '../../rules/statefulset-claim-unmounted/index.js';
import { testRule } from '../helpers/rule-tester.js';

/** A StatefulSet 'web': the pod spec `podSpec` from line 9, then claim templates named `claims` (3 lines each). */
const statefulSet = (podSpec: string, claims: string[] = ['data']) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  template:
    spec:
${podSpec}  volumeClaimTemplates:
${claims.map((name) => `    - metadata:\n        name: ${name}\n      spec: { accessModes: [ReadWriteOnce] }\n`).join('')}`;

const container = (field: string, name: string, list = 'containers') =>
  `      ${list}:\n        - name: app\n          image: nginx\n          ${field}:\n            - name: ${name}\n              ${field === 'volumeMounts' ? 'mountPath' : 'devicePath'}: /x\n`;

describe('statefulset-claim-unmounted', () => {
  testRule(rule, {
    valid: [
      statefulSet(container('volumeMounts', 'data')),
      // Mounted by an init container only.
      statefulSet(`      containers: [{ name: app, image: nginx }]\n${container('volumeMounts', 'data', 'initContainers')}`),
      // A raw block claim is attached with volumeDevices.
      statefulSet(container('volumeDevices', 'data')),
      // A template without a name is statefulset-claim-template-invalid's finding.
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{ name: app }]\n  volumeClaimTemplates:\n    - spec: {}\n',
      // No pod template to judge.
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates:\n    - metadata: { name: data }\n',
    ],
    invalid: [
      {
        code: statefulSet(container('volumeMounts', 'logs')),
        errors: [
          {
            line: 17,
            column: 9,
            endLine: 17,
            endColumn: 19,
            severity: 1,
            message: "Claim template 'data' of StatefulSet 'web' is mounted by no container: each pod still gets a PersistentVolumeClaim 'data-web-<ordinal>' that nothing uses",
          },
        ],
      },
      {
        code: statefulSet(container('volumeMounts', 'data'), ['data', 'logs', 'wal']),
        errors: [
          { line: 20, column: 9, endLine: 20, endColumn: 19, message: "Claim template 'logs'" },
          { line: 23, column: 9, endLine: 23, endColumn: 18, message: "Claim template 'wal'" },
        ],
      },
      {
        code: statefulSet('      containers: [{ name: app, image: nginx }]\n'),
        errors: [{ line: 12, column: 9, endLine: 12, endColumn: 19 }],
      },
    ],
  });
});
