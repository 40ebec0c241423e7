import rule from '../../rules/statefulset-anti-affinity/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { documents, hpa, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'zk' with pods labelled app: zk and `pod` added to its pod spec (after the containers, line 19). */
const zk = (replicas?: unknown, pod: Record<string, unknown> = {}) => statefulSet({ name: 'zk', replicas, serviceName: 'zk-hs', pod });

const required = (labelSelector: unknown, topologyKey = 'kubernetes.io/hostname') => ({
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector, topologyKey }] } },
});
const preferred = {
  affinity: {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'zk' } }, topologyKey: 'topology.kubernetes.io/zone' } }],
    },
  },
};
const spread = (labelSelector: unknown) => ({
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector }],
});
const ZK = { matchLabels: { app: 'zk' } };

/** No affinity: reported on the pod spec (line 15), or on `affinity` (line 19). */
const atPodSpec = { line: 15, column: 5, endLine: 15, endColumn: 9 };
const atAffinity = { line: 19, column: 7, endLine: 19, endColumn: 15 };
const notOwnPods = { messageId: 'notOwnPods' as const, data: { name: 'zk', replicas: '3 replicas', labels: 'app=zk' }, ...atAffinity };

new RuleTester().run('statefulset-anti-affinity', rule, {
  valid: [
    zk(1),
    zk(),
    zk(3, required(ZK)),
    zk(3, required({ matchExpressions: [{ key: 'app', operator: 'In', values: ['zk'] }] })),
    zk(3, required(ZK, 'topology.kubernetes.io/zone')),
    zk(3, preferred),
    zk(3, spread(ZK)),
    zk(3, { affinity: null, topologySpreadConstraints: [null, 3, ...spread({}).topologySpreadConstraints] }),
    zk('many'),
  ],
  invalid: [
    {
      code: zk(3),
      errors: [
        {
          messageId: 'noSpreading',
          message:
            "StatefulSet 'zk' runs 3 replicas with no pod anti-affinity or topology spread constraint: every replica of a quorum can land on one node and fail with it; add a podAntiAffinity term or a topologySpreadConstraint whose labelSelector matches app=zk",
          ...atPodSpec,
        },
      ],
    },
    {
      // The selector names a label the pods do not carry (app.kubernetes.io/name vs app).
      code: zk(3, required({ matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['zk'] }] })),
      errors: [
        {
          messageId: 'notOwnPods',
          message:
            "StatefulSet 'zk' runs 3 replicas with no pod anti-affinity term or topology spread constraint that selects its own pods (app=zk) over kubernetes.io/hostname or a zone: every replica of a quorum can land on one node and fail with it; add a podAntiAffinity term or a topologySpreadConstraint whose labelSelector matches app=zk",
          ...atAffinity,
        },
      ],
    },
    { code: zk(3, required(ZK, 'kubernetes.io/os')), errors: [notOwnPods] },
    { code: zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] } } }), errors: [notOwnPods] },
    {
      // A spread constraint over other pods: reported on the pod spec, which has no affinity.
      code: zk(2, spread({ matchLabels: { app: 'other' } })),
      errors: [{ messageId: 'notOwnPods', data: { name: 'zk', replicas: '2 replicas', labels: 'app=zk' }, ...atPodSpec }],
    },
    {
      code: documents(zk(), hpa({ name: 'zk', target: { kind: 'StatefulSet', name: 'zk' }, spec: { maxReplicas: 3 } })),
      errors: [{ messageId: 'noSpreading', data: { name: 'zk', replicas: "1 to 3 replicas (HorizontalPodAutoscaler 'zk')", labels: 'app=zk' }, line: 14, column: 5, endLine: 14, endColumn: 9 }],
    },
  ],
});
