import rule from '../../rules/statefulset-partition/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { documents, hpa, statefulSet } from '../helpers/manifests.js';

/** A StatefulSet 'web' whose rolling update has `partition`; its partition key is on line 21 (23 with ordinals). */
const partitioned = (partition: unknown, options: Parameters<typeof statefulSet>[0] = {}, type?: string) =>
  statefulSet({ replicas: 3, ...options, spec: { ...options.spec, updateStrategy: { type, rollingUpdate: { partition } } } });
/** ordinals.start 5 with 3 replicas: pods web-5, web-6, web-7 at positions 0, 1, 2. */
const fromFive = (partition: unknown) => partitioned(partition, { spec: { ordinals: { start: 5 } } });

const at = { line: 21, column: 7, endLine: 21, endColumn: 19 };
const withOrdinals = { line: 23, column: 7, endLine: 23, endColumn: 19 };
const fromFiveData = (partition: number) => ({ name: 'web', partition, replicas: '3 replicas', start: 5, highest: 7, lastPosition: 2 });

new RuleTester().run('statefulset-partition', rule, {
  valid: [
    partitioned(0),
    partitioned(2),
    partitioned(0, { replicas: undefined }),
    // The controller compares the partition with the position from the first ordinal: 2 still updates web-7.
    fromFive(2),
    fromFive(0),
    partitioned(5, {}, 'OnDelete'),
    partitioned(3, { replicas: 0 }),
    partitioned('5'),
    documents(partitioned(4), hpa({ spec: { maxReplicas: 6 } })),
    documents(partitioned(5), hpa({ spec: { maxReplicas: 6 } })),
    statefulSet({ replicas: 3, spec: { updateStrategy: 'RollingUpdate' } }),
  ],
  invalid: [
    {
      code: partitioned(3),
      errors: [{ messageId: 'noPodUpdated', data: { name: 'web', partition: 3, replicas: '3 replicas', start: 0, highest: 2, lastPosition: 2 }, ...at }],
    },
    {
      code: partitioned(1, { replicas: undefined }, 'RollingUpdate'),
      errors: [{ messageId: 'noPodUpdated', data: { name: 'web', partition: 1, replicas: '1 replica', start: 0, highest: 0, lastPosition: 0 }, ...at }],
    },
    // ordinals 5-7: partitions 3 to 7 are below the highest ordinal but past the last position (2): no pod is updated.
    { code: fromFive(3), errors: [{ messageId: 'noPodUpdated', data: fromFiveData(3), ...withOrdinals }] },
    {
      code: fromFive(6),
      errors: [
        {
          messageId: 'noPodUpdated',
          message:
            "StatefulSet 'web' has partition 6, not below its pod count (3 replicas, ordinals 5-7): the controller compares the partition with each pod's position from the first ordinal (0-2), so no pod is ever updated and template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)",
          ...withOrdinals,
        },
      ],
    },
    { code: fromFive(7), errors: [{ messageId: 'noPodUpdated', data: fromFiveData(7), ...withOrdinals }] },
    { code: fromFive(8), errors: [{ messageId: 'noPodUpdated', data: fromFiveData(8), ...withOrdinals }] },
    // Kubernetes 1.26 drops spec.ordinals (StatefulSetStartOrdinal alpha, off): the pods are web-0..web-2.
    {
      code: fromFive(3),
      lintOptions: { kubernetesVersion: '1.26' },
      errors: [{ messageId: 'noPodUpdated', data: { ...fromFiveData(3), start: 0, highest: 2 }, ...withOrdinals }],
    },
    {
      code: documents(partitioned(6), hpa({ spec: { maxReplicas: 6 } })),
      errors: [
        {
          messageId: 'noPodUpdated',
          message:
            "StatefulSet 'web' has partition 6, not below its pod count (1 to 6 replicas (HorizontalPodAutoscaler 'web'), ordinals 0-5): the controller compares the partition with each pod's position from the first ordinal (0-5), so no pod is ever updated and template changes never roll out; lower it when the staged rollout should proceed (0 updates every pod)",
          ...at,
        },
      ],
    },
  ],
});
