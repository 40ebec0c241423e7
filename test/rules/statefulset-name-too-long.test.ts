import rule from '../../rules/statefulset-name-too-long/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { statefulSet, type WorkloadOptions } from '../helpers/manifests.js';

const named = (length: number) => 'a'.repeat(length);
/** A StatefulSet named `length` a's (its name on line 4), 3 replicas unless `options` say otherwise. */
const long = (length: number, options: WorkloadOptions = {}) => statefulSet({ name: named(length), serviceName: 'web', replicas: 3, ...options });
const atName = (length: number) => ({ line: 4, column: 3, endLine: 4, endColumn: 9 + length });
const revisionLabel = (length: number) => ({ messageId: 'revisionLabel' as const, data: { name: named(length), length, labelLength: length + 11 }, ...atName(length) });
const podName = (length: number, ordinal: number) => ({
  messageId: 'podName' as const,
  data: { name: named(length), length, pod: `${named(length)}-${ordinal}`, ordinal, podLength: length + 1 + String(ordinal).length },
  ...atName(length),
});

new RuleTester().run('statefulset-name-too-long', rule, {
  valid: [
    long(52),
    statefulSet({ replicas: 3 }),
    // 50 + '-' + 12 digits = 63.
    long(50, { replicas: 2, spec: { ordinals: { start: 99999999999 } } }),
    // Values that are not counts are the schema's finding.
    long(52, { replicas: '1000000000000' }),
    long(52, { spec: { ordinals: null } }),
    long(60, { replicas: 1, apiVersion: 'example.com/v1' }),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  generateName: web-\nspec: {}\n',
  ],
  invalid: [
    { code: long(53), errors: [revisionLabel(53)] },
    {
      code: long(57),
      errors: [
        {
          messageId: 'revisionLabel',
          message: `StatefulSet '${named(57)}' name is 57 characters; the controller-revision-hash label '<name>-<hash>' would be 68 > 63, so no pod is ever created (keep it at 52 or fewer)`,
          ...atName(57),
        },
      ],
    },
    // Both limits are passed: one finding, for the first.
    { code: long(63), errors: [revisionLabel(63)] },
    {
      // 50 + '-' + 13 digits = 64.
      code: long(50, { replicas: undefined, spec: { ordinals: { start: 1000000000000 } } }),
      errors: [
        {
          messageId: 'podName',
          message: `StatefulSet '${named(50)}' name is 50 characters; its last pod '${named(50)}-1000000000000' (ordinal 1000000000000) is 64 > 63 characters, too long for its hostname and statefulset.kubernetes.io/pod-name label, so that pod is never created`,
          ...atName(50),
        },
      ],
    },
    // ordinals.start + replicas - 1.
    { code: long(52, { spec: { ordinals: { start: 9999999999 } } }), errors: [podName(52, 10000000001)] },
    // With no replicas, the first pod a scale-up creates.
    { code: long(51, { replicas: 0, spec: { ordinals: { start: 100000000000 } } }), errors: [podName(51, 100000000000)] },
  ],
});
