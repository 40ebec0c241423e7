import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-missing/index.js';
import { checkFixtureDir, runRule, testRule } from '../helpers/rule-tester.js';

const statefulSet = (replicas: string, namespace = 'default') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: zk
  namespace: ${namespace}
spec:
${replicas}  serviceName: zk-hs
  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
        tier: coordination
    spec:
      containers:
      - name: zk
        image: zookeeper:3.9
`;

const pdb = (selector: string, namespace = 'default') => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
  namespace: ${namespace}
spec:
  maxUnavailable: 1
  selector:
${selector}
`;

const hpa = (spec: string) => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: zk
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: zk
${spec}`;

describe('pdb-missing', () => {
  testRule(rule, {
    valid: [
      statefulSet('  replicas: 1\n'),
      statefulSet(''),
      statefulSet('  replicas: 3\n') + pdb('    matchLabels:\n      app: zk'),
      statefulSet('  replicas: 3\n') + pdb('    matchExpressions:\n    - {key: tier, operator: In, values: [coordination, cache]}\n    - {key: app, operator: Exists}'),
      statefulSet('  replicas: 3\n', 'data') + pdb('    {}', 'data'),
      statefulSet('') + hpa('  minReplicas: 1\n  maxReplicas: 1\n'),
      statefulSet('  replicas: "3"\n'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec: null\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec:\n  replicas: 2\n  template: [1]\n',
    ],
    invalid: [
      {
        code: statefulSet('  replicas: 3\n'),
        errors: [
          {
            line: 7,
            column: 3,
            endLine: 7,
            endColumn: 14,
            message:
              "StatefulSet 'zk' runs 3 replicas but no PodDisruptionBudget in namespace 'default' selects its pods (app=zk, tier=coordination)",
          },
        ],
      },
      {
        code: statefulSet('  replicas: 3\n') + pdb('    matchLabels:\n      app: zk', 'other'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 14, message: "namespace 'default'" }],
      },
      {
        code: statefulSet('  replicas: 3\n') + pdb('    matchLabels:\n      app: zk\n      tier: web'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 14 }],
      },
      {
        code: statefulSet('  replicas: 3\n') + pdb('    matchExpressions:\n    - {key: app, operator: NotIn, values: [zk]}'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 14 }],
      },
      {
        code: statefulSet('') + hpa('  maxReplicas: 5\n'),
        errors: [{ line: 6, column: 1, endLine: 6, endColumn: 5, message: "runs 1 to 5 replicas (HorizontalPodAutoscaler 'zk')" }],
      },
      {
        code: statefulSet('  replicas: 1\n') + hpa('  minReplicas: 2\n  maxReplicas: 4\n'),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 14, message: '2 to 4 replicas' }],
      },
    ],
  });

  it('counts a missing selector as selecting nothing', () => {
    const noSelector = statefulSet('  replicas: 2\n') + pdb('    null');
    expect(runRule(rule, noSelector)).toHaveLength(1);
  });

  it('finds budgets in the other files of the run', () => {
    checkFixtureDir('fixtures/rules/pdb-missing', rule);
  });
});
