import { describe } from 'vitest';
import rule from '../../rules/statefulset-anti-affinity/index.js';
import { testRule } from '../helpers/rule-tester.js';

const statefulSet = (replicas: string, podSpec = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: zk
spec:
  serviceName: zk-hs
${replicas}  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
    spec:
${podSpec}      containers:
      - name: zk
        image: zookeeper:3.9
`;

const required = (selector: string, topologyKey = 'kubernetes.io/hostname') => `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
${selector}
            topologyKey: ${topologyKey}
`;

const preferred = `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              labelSelector:
                matchLabels:
                  app: zk
              topologyKey: topology.kubernetes.io/zone
`;

const spread = (selector: string) => `      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
${selector}
`;

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: zk
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: zk
  maxReplicas: 3
`;

const zkLabels = '              matchLabels:\n                app: zk';

describe('statefulset-anti-affinity', () => {
  testRule(rule, {
    valid: [
      statefulSet('  replicas: 1\n'),
      statefulSet(''),
      statefulSet('  replicas: 3\n', required(zkLabels)),
      statefulSet('  replicas: 3\n', required('              matchExpressions:\n              - {key: app, operator: In, values: [zk]}')),
      statefulSet('  replicas: 3\n', required(zkLabels, 'topology.kubernetes.io/zone')),
      statefulSet('  replicas: 3\n', preferred),
      statefulSet('  replicas: 3\n', spread('          matchLabels:\n            app: zk')),
      statefulSet('  replicas: 3\n', '      affinity: null\n      topologySpreadConstraints: [null, 3]\n' + spread('          {}')),
      statefulSet('  replicas: many\n'),
    ],
    invalid: [
      {
        code: statefulSet('  replicas: 3\n'),
        errors: [
          {
            line: 15,
            column: 5,
            endLine: 15,
            endColumn: 9,
            message:
              "StatefulSet 'zk' runs 3 replicas with no pod anti-affinity or topology spread constraint: every replica of a quorum can land on one node",
          },
        ],
      },
      {
        // The selector names a label the pods do not carry (app.kubernetes.io/name vs app).
        code: statefulSet('  replicas: 3\n', required('              matchExpressions:\n              - {key: app.kubernetes.io/name, operator: In, values: [zk]}')),
        errors: [
          {
            line: 16,
            column: 7,
            endLine: 16,
            endColumn: 15,
            message: 'no pod anti-affinity term or topology spread constraint that selects its own pods (app=zk) over kubernetes.io/hostname or a zone',
          },
        ],
      },
      {
        code: statefulSet('  replicas: 3\n', required(zkLabels, 'kubernetes.io/os')),
        errors: [{ line: 16, column: 7, endLine: 16, endColumn: 15 }],
      },
      {
        code: statefulSet('  replicas: 3\n', '      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - topologyKey: kubernetes.io/hostname\n'),
        errors: [{ line: 16, column: 7, endLine: 16, endColumn: 15 }],
      },
      {
        code: statefulSet('  replicas: 2\n', spread('          matchLabels:\n            app: other')),
        errors: [{ line: 15, column: 5, endLine: 15, endColumn: 9, message: 'runs 2 replicas' }],
      },
      {
        code: statefulSet('') + hpa,
        errors: [{ line: 14, column: 5, endLine: 14, endColumn: 9, message: "runs 1 to 3 replicas (HorizontalPodAutoscaler 'zk')" }],
      },
    ],
  });
});
