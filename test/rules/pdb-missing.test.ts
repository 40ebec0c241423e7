import rule from '../../rules/pdb-missing/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { documents, hpa, pdb, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'zk' in `namespace` (its replicas on line 7), pods labelled app: zk, tier: coordination. */
const zk = (replicas?: unknown, namespace = 'default') =>
  statefulSet({ name: 'zk', namespace, replicas, serviceName: 'zk-hs', labels: { app: 'zk', tier: 'coordination' } });
const budget = (selector: unknown, namespace = 'default') => pdb({ name: 'zk-pdb', namespace, selector });
const scaler = (spec: Record<string, unknown>) => hpa({ name: 'zk', target: { kind: 'StatefulSet', name: 'zk' }, spec });

const replicasKey = { line: 7, column: 3, endLine: 7, endColumn: 14 };
const missing = (replicas: string) => ({
  messageId: 'missing' as const,
  data: { kind: 'StatefulSet', name: 'zk', replicas, namespace: 'default', labels: 'app=zk, tier=coordination' },
  ...replicasKey,
});

new RuleTester().run('pdb-missing', rule, {
  valid: [
    zk(1),
    zk(),
    documents(zk(3), budget({ matchLabels: { app: 'zk' } })),
    documents(zk(3), budget({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['coordination', 'cache'] }, { key: 'app', operator: 'Exists' }] })),
    documents(zk(3, 'data'), budget({}, 'data')),
    documents(zk(), scaler({ minReplicas: 1, maxReplicas: 1 })),
    zk('3'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec: null\n',
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec:\n  replicas: 2\n  template: [1]\n',
  ],
  invalid: [
    {
      code: zk(3),
      errors: [
        {
          messageId: 'missing',
          message:
            "StatefulSet 'zk' runs 3 replicas but no PodDisruptionBudget in namespace 'default' selects its pods (app=zk, tier=coordination): a node drain or cluster upgrade may evict them all at once; add one with maxUnavailable: 1",
          severity: 'warning',
          ...replicasKey,
        },
      ],
    },
    { code: documents(zk(3), budget({ matchLabels: { app: 'zk' } }, 'other')), errors: [missing('3 replicas')] },
    { code: documents(zk(3), budget({ matchLabels: { app: 'zk', tier: 'web' } })), errors: [missing('3 replicas')] },
    { code: documents(zk(3), budget({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['zk'] }] })), errors: [missing('3 replicas')] },
    // A budget without a selector selects nothing.
    { code: documents(zk(2), budget(null)), errors: [missing('2 replicas')] },
    {
      // No spec.replicas: reported on spec.
      code: documents(zk(), scaler({ maxReplicas: 5 })),
      errors: [{ ...missing("1 to 5 replicas (HorizontalPodAutoscaler 'zk')"), line: 6, column: 1, endLine: 6, endColumn: 5 }],
    },
    { code: documents(zk(1), scaler({ minReplicas: 2, maxReplicas: 4 })), errors: [missing("2 to 4 replicas (HorizontalPodAutoscaler 'zk')")] },
    // Budgets in the other files of the run count.
    fixtureCase('fixtures/rules/pdb-missing', 'pdb-missing'),
  ],
});
