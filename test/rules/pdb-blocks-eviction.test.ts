import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-blocks-eviction/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const pdb = (budget: string, selector = '    matchLabels:\n      app: zk') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
spec:
${budget}
  selector:
${selector}
`;

const workload = (kind: string, name: string, replicas: string, app = 'zk') => `---
apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
${replicas}  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: main
        image: zookeeper:3.9
`;

const zk = (replicas: number) => workload('StatefulSet', 'zk', `  replicas: ${replicas}\n`);

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api
  minReplicas: 2
  maxReplicas: 6
`;

describe('pdb-blocks-eviction', () => {
  testRule(rule, {
    valid: [
      pdb('  maxUnavailable: 1') + zk(3),
      pdb('  maxUnavailable: "10%"') + zk(3),
      pdb('  minAvailable: 2') + zk(3),
      pdb('  minAvailable: "60%"') + zk(3),
      pdb('  minAvailable: "50%"') + zk(7),
      // Both or neither: pdb-policy reports those.
      pdb('  minAvailable: 3\n  maxUnavailable: 0') + zk(3),
      pdb('  unhealthyPodEvictionPolicy: AlwaysAllow') + zk(3),
      // Nothing selected: the count is unknown (pdb-selects-nothing reports it).
      pdb('  minAvailable: 3'),
      pdb('  minAvailable: 3', '    matchLabels:\n      app: other') + zk(3),
      pdb('  minAvailable: 3', '    null') + zk(3),
      pdb('  maxUnavailable: 0', '    null') + zk(3),
      // A DaemonSet runs one pod per node: the count is unknown.
      pdb('  minAvailable: 3') + workload('DaemonSet', 'agent', ''),
      // Four pods in all across two workloads.
      pdb('  minAvailable: 3') + zk(3) + workload('Deployment', 'zk-ui', '', 'zk'),
      pdb('  minAvailable: 1', '    matchLabels:\n      app: api') + workload('Deployment', 'api', '  replicas: 1\n', 'api') + hpa,
      pdb('  minAvailable: 2') + zk(0),
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\nspec: 7\n',
      pdb('  minAvailable: [3]') + zk(3),
      pdb('  minAvailable: "3"') + zk(3),
    ],
    invalid: [
      {
        code: pdb('  minAvailable: 3') + zk(3),
        errors: [
          {
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 18,
            message:
              "PodDisruptionBudget 'zk-pdb' requires minAvailable 3 of StatefulSet 'zk' with 3 replicas: no pod can ever be evicted, so node drains hang",
          },
        ],
      },
      {
        code: pdb('  minAvailable: 5') + zk(3),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, message: 'requires minAvailable 5 of' }],
      },
      {
        code: pdb('  minAvailable: 1') + zk(1),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, message: "StatefulSet 'zk' with 1 replica:" }],
      },
      {
        code: pdb('  maxUnavailable: 0') + zk(3),
        errors: [
          {
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 20,
            message: "PodDisruptionBudget 'zk-pdb' sets maxUnavailable 0 for StatefulSet 'zk' with 3 replicas: no pod can ever be evicted",
          },
        ],
      },
      {
        code: pdb('  maxUnavailable: "0%"'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 23, message: 'sets maxUnavailable 0% for the pods it selects' }],
      },
      {
        code: pdb("  minAvailable: '100%'"),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 23, message: 'requires minAvailable 100% of the pods it selects' }],
      },
      {
        code: pdb('  minAvailable: 100%') + workload('DaemonSet', 'agent', '', 'zk'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 21 }],
      },
      {
        code: pdb('  minAvailable: "67%"') + zk(3),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 22, message: "minAvailable 67% of StatefulSet 'zk' with 3 replicas, which rounds up to 3 pods" }],
      },
      {
        code: pdb('  minAvailable: "50%"') + zk(1),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 22, message: 'which rounds up to 1 pod:' }],
      },
      {
        code: pdb('  minAvailable: 4') + zk(3) + workload('Deployment', 'zk-ui', '', 'zk'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, message: "StatefulSet 'zk' and Deployment 'zk-ui' with 4 replicas in all" }],
      },
      {
        code: pdb('  minAvailable: 2', '    matchLabels:\n      app: api') + workload('Deployment', 'api', '  replicas: 4\n', 'api') + hpa,
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18, message: "Deployment 'api' with 2 replicas (minReplicas of HorizontalPodAutoscaler 'api')" }],
      },
      {
        code: pdb('  minAvailable: 3', '    {}') + zk(3),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18 }],
      },
      {
        code: pdb('  maxUnavailable: 0\n  minAvailable: null') + zk(3),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 20 }],
      },
    ],
  });

  it('reports on the budget, once, with its severity', () => {
    const findings = runRule(rule, pdb('  minAvailable: 3') + zk(3));
    expect(findings.map((finding) => [finding.kind, finding.name, finding.severity])).toEqual([['PodDisruptionBudget', 'zk-pdb', 2]]);
  });
});
