import { describe } from 'vitest';
import rule from '../../rules/statefulset-name-too-long/index.js';
import { testRule } from '../helpers/rule-tester.js';

const statefulSet = (name: string, spec = '  replicas: 3\n', apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: StatefulSet
metadata:
  name: ${name}
spec:
${spec}`;

const named = (length: number) => 'a'.repeat(length);

describe('statefulset-name-too-long', () => {
  testRule(rule, {
    valid: [
      statefulSet(named(52)),
      statefulSet('web'),
      // 50 + '-' + 12 digits = 63.
      statefulSet(named(50), '  ordinals: { start: 99999999999 }\n  replicas: 2\n'),
      // Values that are not counts are the schema's finding.
      statefulSet(named(52), '  replicas: "1000000000000"\n'),
      statefulSet(named(52), '  ordinals: null\n'),
      statefulSet(named(60), '  replicas: 1\n', 'example.com/v1'),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  generateName: web-\nspec: {}\n',
    ],
    invalid: [
      {
        code: statefulSet(named(53)),
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 62, message: 'name is 53 characters; the controller-revision-hash label' }],
      },
      {
        code: statefulSet(named(57)),
        errors: [
          {
            line: 4,
            column: 3,
            endLine: 4,
            endColumn: 66,
            message: `StatefulSet '${named(57)}' name is 57 characters; the controller-revision-hash label '<name>-<hash>' would be 68 > 63, so no pod is ever created (keep it at 52 or fewer)`,
          },
        ],
      },
      {
        // Both limits are passed: one finding, for the first.
        code: statefulSet(named(63)),
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 72, message: 'would be 74 > 63' }],
      },
      {
        // 50 + '-' + 13 digits = 64.
        code: statefulSet(named(50), '  ordinals:\n    start: 1000000000000\n'),
        errors: [
          {
            line: 4,
            column: 3,
            endLine: 4,
            endColumn: 59,
            message: `name is 50 characters; its last pod '${named(50)}-1000000000000' (ordinal 1000000000000) is 64 > 63 characters`,
          },
        ],
      },
      {
        // ordinals.start + replicas - 1.
        code: statefulSet(named(52), '  replicas: 3\n  ordinals: { start: 9999999999 }\n'),
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 61, message: '(ordinal 10000000001) is 64 > 63' }],
      },
      {
        // With no replicas, the first pod a scale-up creates.
        code: statefulSet(named(51), '  replicas: 0\n  ordinals: { start: 100000000000 }\n'),
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 60, message: '(ordinal 100000000000) is 64 > 63' }],
      },
    ],
  });
});
