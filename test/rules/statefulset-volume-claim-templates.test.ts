import { describe } from 'vitest';
import rule from '../../rules/statefulset-volume-claim-templates/index.js';
import { testRule } from '../helpers/rule-tester.js';

/** A StatefulSet 'web'; `spec` continues the spec from line 7. */
const statefulSet = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
${spec}`;

const template = (podSpec: string) => `  template:
    spec:
      containers: [{ name: app, image: nginx }]
${podSpec}`;

describe('statefulset-volume-claim-templates', () => {
  testRule(rule, {
    valid: [
      statefulSet('  volumeClaimTemplates:\n    - metadata: { name: data }\n'),
      // A claim made beforehand is a deliberate storage choice (sharing it is rwo-shared-claim's concern).
      statefulSet(template('      volumes:\n        - name: data\n          persistentVolumeClaim: { claimName: web-data }\n')),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
      // A map instead of a list is the schema's finding.
      statefulSet('  volumeClaimTemplates: { data: {} }\n'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
    ],
    invalid: [
      {
        code: statefulSet(template('')),
        errors: [
          {
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 5,
            severity: 1,
            message: "StatefulSet 'web' has no volumeClaimTemplates: its pods get no PersistentVolumeClaim of their own",
          },
        ],
      },
      {
        code: statefulSet('  volumeClaimTemplates: []\n'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 23 }],
      },
      {
        code: statefulSet('  volumeClaimTemplates:\n'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 24 }],
      },
      {
        // An emptyDir is lost with the pod.
        code: statefulSet(template('      volumes:\n        - name: data\n          emptyDir: {}\n')),
        errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
      },
    ],
  });
});
