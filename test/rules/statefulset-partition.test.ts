import rule from '../../rules/statefulset-partition/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { documents, hpa, statefulSet } from '../helpers/manifests.js';

/** A StatefulSet 'web' whose rolling update has `partition`; its partition key is on line 21. */
const partitioned = (partition: unknown, options: Parameters<typeof statefulSet>[0] = {}, type?: string) =>
  statefulSet({ replicas: 3, ...options, spec: { ...options.spec, updateStrategy: { type, rollingUpdate: { partition } } } });

const at = { line: 21, column: 7, endLine: 21, endColumn: 19 };

new RuleTester().run('statefulset-partition', rule, {
  valid: [
    partitioned(0),
    partitioned(2),
    partitioned(0, { replicas: undefined }),
    // ordinals 5-7: partition 7 still updates web-7.
    partitioned(7, { spec: { ordinals: { start: 5 } } }),
    partitioned(5, {}, 'OnDelete'),
    partitioned(3, { replicas: 0 }),
    partitioned('5'),
    documents(partitioned(4), hpa({ spec: { maxReplicas: 6 } })),
    statefulSet({ replicas: 3, spec: { updateStrategy: 'RollingUpdate' } }),
  ],
  invalid: [
    {
      code: partitioned(3),
      errors: [{ messageId: 'aboveHighest', data: { name: 'web', partition: 3, highest: 2, replicas: '3 replicas', start: 0 }, ...at }],
    },
    {
      code: partitioned(1, { replicas: undefined }, 'RollingUpdate'),
      errors: [{ messageId: 'aboveHighest', data: { name: 'web', partition: 1, highest: 0, replicas: '1 replica', start: 0 }, line: 21, column: 7, endLine: 21, endColumn: 19 }],
    },
    {
      code: partitioned(8, { spec: { ordinals: { start: 5 } } }),
      errors: [{ messageId: 'aboveHighest', data: { name: 'web', partition: 8, highest: 7, replicas: '3 replicas', start: 5 }, line: 23, column: 7, endLine: 23, endColumn: 19 }],
    },
    {
      code: documents(partitioned(6), hpa({ spec: { maxReplicas: 6 } })),
      errors: [
        {
          messageId: 'aboveHighest',
          message:
            "StatefulSet 'web' has partition 6, above its highest ordinal 5 (1 to 6 replicas (HorizontalPodAutoscaler 'web'), ordinals 0-5): no pod is ever updated, so template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)",
          ...at,
        },
      ],
    },
  ],
});
