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
/** The one container of 'zk' with `ports`. */
const ports = (...list: Record<string, unknown>[]) => ({ containers: [{ name: 'zk', image: 'zookeeper:3.9', ports: list }] });
const constraint = (topologyKey: string, maxSkew = 1, whenUnsatisfiable = 'DoNotSchedule') => ({
  topologySpreadConstraints: [{ maxSkew, topologyKey, whenUnsatisfiable, labelSelector: ZK }],
});
const ZONE = 'topology.kubernetes.io/zone';
const nodeSelector = (labels: Record<string, string>) => ({ nodeSelector: labels });
const requiredNodes = (...terms: Record<string, unknown>[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
});
const nodeIn = (key: string, ...values: string[]) => ({ matchExpressions: [{ key, operator: 'In', values }] });
const data = { name: 'zk', replicas: '3 replicas' };

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
    // A host port: two replicas never share a node (the scheduler's NodePorts filter), whatever the protocol.
    zk(3, ports({ containerPort: 2181, hostPort: 2181 })),
    zk(3, ports({ containerPort: 53, hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' })),
    // With hostNetwork every container port is a host port.
    zk(3, { hostNetwork: true, ...ports({ containerPort: 2181 }) }),
    // A sidecar (an init container that runs for the pod's life) counts; see the plain init container below.
    zk(3, { initContainers: [{ name: 'proxy', image: 'envoy:1.31', restartPolicy: 'Always', ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    // Any selector that selects the pods, in their own namespace.
    zk(3, required({ matchExpressions: [{ key: 'app', operator: 'Exists' }] })),
    zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: ZK, topologyKey: 'kubernetes.io/hostname', namespaces: ['default'] }] } } }),
    zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: ZK, topologyKey: 'kubernetes.io/hostname', namespaces: ['other'], namespaceSelector: {} }] } } }),
    zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: ZK, topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['app'] }] } } }),
    // maxSkew 2 with DoNotSchedule keeps 3 replicas off a single node; ScheduleAnyway is a preference, like preferred terms.
    zk(3, constraint('kubernetes.io/hostname', 2)),
    zk(3, constraint(ZONE, 5, 'ScheduleAnyway')),
    // Pinned to one zone, spread over its nodes.
    zk(3, { ...nodeSelector({ [ZONE]: 'eu-west-1a' }), ...required(ZK) }),
    // Node affinity that allows several zones, or a label that is not a topology label, pins nothing.
    zk(3, { ...requiredNodes(nodeIn(ZONE, 'eu-west-1a', 'eu-west-1b')), ...constraint(ZONE) }),
    zk(3, { ...requiredNodes(nodeIn(ZONE, 'eu-west-1a'), nodeIn(ZONE, 'eu-west-1b')), ...constraint(ZONE) }),
    zk(3, { ...nodeSelector({ disktype: 'ssd' }), ...constraint(ZONE) }),
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
    // Not a host port: 0, a plain init container's port, a container port without hostNetwork.
    { code: zk(3, ports({ containerPort: 2181, hostPort: 0 })), errors: [{ messageId: 'noSpreading', data: { ...data, labels: 'app=zk' }, ...atPodSpec }] },
    {
      code: zk(3, { hostNetwork: false, ...ports({ containerPort: 2181 }), initContainers: [{ name: 'init', image: 'busybox:1.36', ports: [{ containerPort: 80, hostPort: 80 }] }] }),
      errors: [{ messageId: 'noSpreading', data: { ...data, labels: 'app=zk' }, ...atPodSpec }],
    },
    // A term for other namespaces, or one that excludes pods with the pod's own value of a label.
    {
      code: zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: ZK, topologyKey: 'kubernetes.io/hostname', namespaces: ['other'] }] } } }),
      errors: [notOwnPods],
    },
    {
      code: zk(3, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: ZK, topologyKey: 'kubernetes.io/hostname', mismatchLabelKeys: ['app'] }] } } }),
      errors: [notOwnPods],
    },
    {
      // DoNotSchedule with maxSkew 3 lets all 3 replicas share one node.
      code: zk(3, constraint('kubernetes.io/hostname', 3)),
      errors: [
        {
          messageId: 'skewTooLarge',
          message:
            "StatefulSet 'zk' runs 3 replicas and spreads them over kubernetes.io/hostname with maxSkew 3: a skew that large lets every replica land in one domain, so they can all fail together; set maxSkew: 1",
          line: 20,
          column: 11,
          endLine: 20,
          endColumn: 21,
        },
      ],
    },
    {
      // Pinned to one node: nothing can spread them, and a hostPort or a required anti-affinity would leave replicas Pending.
      code: zk(3, { ...nodeSelector({ 'kubernetes.io/hostname': 'node-1' }), ...required(ZK) }),
      errors: [
        {
          messageId: 'pinnedToNode',
          message:
            "StatefulSet 'zk' runs 3 replicas pinned to node 'node-1' by nodeSelector: they cannot spread, so losing that node loses them all; select nodes by a label that several nodes share, and spread the pods with a podAntiAffinity term or a topologySpreadConstraint",
          line: 20,
          column: 9,
          endLine: 20,
          endColumn: 39,
        },
      ],
    },
    { code: zk(3, { nodeName: 'node-1', ...ports({ containerPort: 2181, hostPort: 2181 }) }), errors: [{ messageId: 'pinnedToNode', data: { ...data, node: 'node-1', how: 'spec.nodeName' }, line: 22, column: 7, endLine: 22, endColumn: 23 }] },
    {
      code: zk(3, requiredNodes(nodeIn('kubernetes.io/hostname', 'node-1'))),
      errors: [{ messageId: 'pinnedToNode', data: { ...data, node: 'node-1', how: 'a required node affinity' }, line: 24, column: 21, endLine: 24, endColumn: 48 }],
    },
    {
      code: zk(3, requiredNodes({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] })),
      errors: [{ messageId: 'pinnedToNode', data: { ...data, node: 'node-1', how: 'a required node affinity' }, line: 24, column: 21, endLine: 24, endColumn: 39 }],
    },
    {
      // Pinned to one zone: spreading over zones has a single domain.
      code: zk(3, { ...nodeSelector({ [ZONE]: 'eu-west-1a' }), ...constraint(ZONE) }),
      errors: [
        {
          messageId: 'pinnedDomain',
          message:
            "StatefulSet 'zk' runs 3 replicas and spreads them over topology.kubernetes.io/zone, but nodeSelector pins its pods to topology.kubernetes.io/zone=eu-west-1a: a single domain, so every replica can still land on one node; spread them over kubernetes.io/hostname",
          line: 23,
          column: 11,
          endLine: 23,
          endColumn: 51,
        },
      ],
    },
    {
      // A zone lies in one region: pinned to a zone, spreading over regions has a single domain too.
      code: zk(3, {
        affinity: {
          ...requiredNodes(nodeIn('failure-domain.beta.kubernetes.io/zone', 'a')).affinity,
          podAntiAffinity: { ...preferred.affinity.podAntiAffinity, ...required(ZK, 'topology.kubernetes.io/region').affinity.podAntiAffinity },
        },
      }),
      errors: [
        {
          messageId: 'pinnedDomain',
          data: { ...data, key: 'topology.kubernetes.io/region', how: 'a required node affinity', pinKey: 'failure-domain.beta.kubernetes.io/zone', pinValue: 'a' },
          line: 40,
          column: 15,
          endLine: 40,
          endColumn: 57,
        },
      ],
    },
    {
      code: documents(zk(), hpa({ name: 'zk', target: { kind: 'StatefulSet', name: 'zk' }, spec: { maxReplicas: 3 } })),
      errors: [{ messageId: 'noSpreading', data: { name: 'zk', replicas: "1 to 3 replicas (HorizontalPodAutoscaler 'zk')", labels: 'app=zk' }, line: 14, column: 5, endLine: 14, endColumn: 9 }],
    },
  ],
});
