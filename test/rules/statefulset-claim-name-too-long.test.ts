import { describe } from 'vitest';
import rule from '../../rules/statefulset-claim-name-too-long/index.js';
import { testRule } from '../helpers/rule-tester.js';

/** A StatefulSet with claim templates named `claims`: the first name on line 9, the next ones every second line. */
const statefulSet = (claims: string[], name = 'web', spec = '  replicas: 3\n') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
${spec}  volumeClaimTemplates:
${claims.map((claim) => `    - metadata:\n        name: ${claim}\n`).join('')}`;

describe('statefulset-claim-name-too-long', () => {
  testRule(rule, {
    valid: [
      statefulSet(['data', 'wal-1']),
      // The longest valid combination: 63-character claim, 63-character StatefulSet.
      statefulSet(['c'.repeat(63)], 's'.repeat(63), '  replicas: 1\n'),
      // An invalid StatefulSet name is rejected with the StatefulSet: not this rule's finding.
      statefulSet(['data'], 'Web'),
      // A template without a name is statefulset-claim-template-invalid's finding.
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  volumeClaimTemplates:\n    - spec: {}\n',
      statefulSet(['data'], 'web', '  replicas: many\n'),
    ],
    invalid: [
      {
        code: statefulSet(['Data']),
        errors: [
          {
            line: 9,
            column: 9,
            endLine: 9,
            endColumn: 19,
            message: "Claim template 'Data' of StatefulSet 'web' generates PersistentVolumeClaim names like 'Data-web-2' (ordinal 2), which is not a valid DNS subdomain",
          },
        ],
      },
      {
        code: statefulSet(['data', 'my_data']),
        errors: [{ line: 11, column: 9, endLine: 11, endColumn: 22, message: "'my_data-web-2'" }],
      },
      {
        // 240 + '-web-' + 10 digits = 255 > 253.
        code: statefulSet(['c'.repeat(240)], 'web', '  ordinals: { start: 1000000000 }\n'),
        errors: [{ line: 9, column: 9, endLine: 9, endColumn: 255, message: 'ordinal 1000000000), which is 255 > 253 characters: the claim is rejected, so the pod never starts' }],
      },
      {
        // The claim name is fine as a PersistentVolumeClaim name, but it also names the pod's volume: a DNS label.
        code: statefulSet(['data.v2']),
        errors: [{ line: 9, column: 9, endLine: 9, endColumn: 22, message: "Claim template 'data.v2' of StatefulSet 'web' is also the name of the pod volume the controller adds, which must be a DNS-1123 label" }],
      },
      {
        code: statefulSet(['c'.repeat(64)]),
        errors: [{ line: 9, column: 9, endLine: 9, endColumn: 79, message: 'must be a DNS-1123 label (at most 63 characters' }],
      },
    ],
  });
});
