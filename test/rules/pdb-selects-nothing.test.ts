import { describe, it } from 'vitest';
import rule from '../../rules/pdb-selects-nothing/index.js';
import { checkFixtureDir, testRule } from '../helpers/rule-tester.js';

const pdb = (selector: string, namespace = 'default') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
  namespace: ${namespace}
spec:
  maxUnavailable: 1
${selector}
`;

const pods = (kind: string, namespace = 'default') => `---
apiVersion: ${kind === 'Pod' ? 'v1' : 'apps/v1'}
kind: ${kind}
metadata:
  name: zk
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
        tier: coordination
    spec:
      containers: []
`;

const bareZkPod = `---
apiVersion: v1
kind: Pod
metadata:
  name: zk-debug
  labels:
    app: zk
spec:
  containers: []
`;

describe('pdb-selects-nothing', () => {
  testRule(rule, {
    valid: [
      pdb('  selector:\n    matchLabels:\n      app: zk') + pods('StatefulSet'),
      pdb('  selector:\n    matchLabels:\n      app: zk') + pods('DaemonSet'),
      pdb('  selector:\n    matchExpressions:\n    - {key: tier, operator: In, values: [coordination]}') + pods('Deployment'),
      pdb('  selector: {}', 'data') + pods('ReplicaSet', 'data'),
      pdb('  selector:\n    matchLabels:\n      app: zk') + bareZkPod,
    ],
    invalid: [
      {
        code: pdb('  selector:\n    matchLabels:\n      app: zk'),
        errors: [
          {
            line: 8,
            column: 3,
            endLine: 8,
            endColumn: 11,
            message:
              "PodDisruptionBudget 'zk-pdb' selects pods with app=zk, but no workload or Pod of the linted files in namespace 'default' has such pods",
          },
        ],
      },
      {
        code: pdb('  selector:\n    matchLabels:\n      app: zk', 'data') + pods('StatefulSet'),
        errors: [{ line: 8, column: 3, endLine: 8, endColumn: 11, message: "in namespace 'data'" }],
      },
      {
        code: pdb('  selector:\n    matchLabels:\n      app: zk\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [coordination]}') + pods('StatefulSet'),
        errors: [{ line: 8, column: 3, endLine: 8, endColumn: 11, message: 'pods with app=zk, tier notin (coordination)' }],
      },
      {
        code: pdb('  selector: {}', 'data') + pods('StatefulSet'),
        errors: [{ line: 8, column: 3, endLine: 8, endColumn: 11, message: 'selects every pod of its namespace' }],
      },
      {
        code: pdb('') + pods('StatefulSet'),
        errors: [{ line: 6, column: 1, endLine: 6, endColumn: 5, message: "PodDisruptionBudget 'zk-pdb' has no spec.selector, so it selects no pods" }],
      },
      {
        code: pdb('  selector: null') + pods('StatefulSet'),
        errors: [{ line: 6, column: 1, endLine: 6, endColumn: 5, message: 'has no spec.selector' }],
      },
    ],
  });

  it('finds workloads in the other files of the run', () => {
    checkFixtureDir('fixtures/rules/pdb-selects-nothing', rule);
  });
});
