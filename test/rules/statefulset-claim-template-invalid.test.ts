import { describe } from 'vitest';
import rule from '../../rules/statefulset-claim-template-invalid/index.js';
import { testRule } from '../helpers/rule-tester.js';

/** A StatefulSet 'web' with one claim template 'data' whose spec is `spec` (from line 11). */
const withClaimSpec = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
${spec}`;

const valid = (storage: string, modes = '[ReadWriteOnce]') =>
  withClaimSpec(`        accessModes: ${modes}\n        resources:\n          requests:\n            storage: ${storage}\n`);

describe('statefulset-claim-template-invalid', () => {
  testRule(rule, {
    valid: [
      valid('10Gi'),
      valid('"1.5Gi"'),
      valid('500M'),
      valid('1e9'),
      valid('1073741824'),
      valid('10Gi', '[ReadWriteOncePod]'),
      valid('10Gi', '[ReadWriteMany, ReadOnlyMany]'),
      // Odd shapes are the schema's findings, and skipped here.
      valid('10Gi', 'ReadWriteOnce'),
      withClaimSpec('        - accessModes: [ReadWriteOnce]\n'),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates: [null, "x"]\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates: {}\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec: null\n',
    ],
    invalid: [
      {
        code: withClaimSpec('        resources:\n          requests:\n            storage: 10Gi\n'),
        errors: [
          {
            line: 10,
            column: 7,
            endLine: 10,
            endColumn: 11,
            message: "Claim template 'data' of StatefulSet 'web' has no accessModes: the PersistentVolumeClaim of every pod is rejected, so no pod starts (at least 1 access mode is required)",
          },
        ],
      },
      {
        code: valid('10Gi', '[]'),
        errors: [{ line: 11, column: 9, endLine: 11, endColumn: 20, message: 'has no accessModes' }],
      },
      {
        code: valid('10Gi', '[ReadWriteOnce, ReadWriteOnly]'),
        errors: [{ line: 11, column: 38, endLine: 11, endColumn: 51, message: "has access mode 'ReadWriteOnly', which is not one of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod" }],
      },
      {
        code: valid('10GB'),
        errors: [
          {
            line: 14,
            column: 13,
            endLine: 14,
            endColumn: 26,
            message: 'requests storage "10GB", which is not a Kubernetes quantity (e.g. 10Gi, 500M): the PersistentVolumeClaim of every pod is rejected',
          },
        ],
      },
      {
        code: valid('0'),
        errors: [{ line: 14, column: 13, endLine: 14, endColumn: 23, message: 'requests storage 0, which must be greater than zero' }],
      },
      {
        code: valid('"-1Gi"'),
        errors: [{ line: 14, column: 13, endLine: 14, endColumn: 28, message: 'requests storage "-1Gi", which must be greater than zero' }],
      },
      {
        code: valid('true'),
        errors: [{ line: 14, column: 13, endLine: 14, endColumn: 26, message: 'requests storage true, which is not a Kubernetes quantity' }],
      },
      {
        code: withClaimSpec('        accessModes: [ReadWriteOnce]\n'),
        errors: [{ line: 10, column: 7, endLine: 10, endColumn: 11, message: 'has no resources.requests.storage' }],
      },
      {
        code: withClaimSpec('        accessModes: [ReadWriteOnce]\n        resources:\n          limits: { storage: 1Gi }\n'),
        errors: [{ line: 12, column: 9, endLine: 12, endColumn: 18, message: 'has no resources.requests.storage' }],
      },
      {
        code: withClaimSpec('        accessModes: [ReadWriteOnce]\n        resources:\n          requests: { cpu: 1 }\n'),
        errors: [{ line: 13, column: 11, endLine: 13, endColumn: 19, message: 'has no resources.requests.storage' }],
      },
      {
        // Two causes, two findings.
        code: withClaimSpec('        accessModes: []\n        resources: {}\n'),
        errors: [
          { line: 11, column: 9, endLine: 11, endColumn: 20, message: 'has no accessModes' },
          { line: 12, column: 9, endLine: 12, endColumn: 18, message: 'has no resources.requests.storage' },
        ],
      },
      {
        code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n',
        errors: [{ line: 7, column: 7, endLine: 7, endColumn: 15, message: "Claim template 'data' of StatefulSet 'web' has no spec: the PersistentVolumeClaim of every pod is rejected, so no pod starts (accessModes and resources.requests.storage are required)" }],
      },
      {
        code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates:\n    - metadata: {}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: { requests: { storage: 1Gi } }\n',
        errors: [{ line: 7, column: 7, endLine: 7, endColumn: 15, message: "Claim template volumeClaimTemplates[0] of StatefulSet 'web' has no metadata.name" }],
      },
    ],
  });
});
