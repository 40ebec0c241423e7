import rule from '../../rules/pdb-allows-all/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, documents, hpa, pdb, statefulSet, workload } from '../helpers/manifests.js';

/** The budget 'zk-pdb' (its budget field on line 6) selecting `selector`, default the pods of 'zk'. */
const budget = (fields: Record<string, unknown>, selector: unknown = { matchLabels: { app: 'zk' } }) => pdb({ name: 'zk-pdb', budget: fields, selector });
const zk = (replicas?: number) => statefulSet({ name: 'zk', replicas });
const zkUi = (replicas: number) => deployment({ name: 'zk-ui', replicas, labels: { app: 'zk' } });
const agent = workload('DaemonSet', { name: 'agent', labels: { app: 'zk' } });
const api = (replicas: number) => deployment({ name: 'api', replicas });
const apiScaler = (minReplicas: number) => hpa({ name: 'api', target: { kind: 'Deployment', name: 'api' }, spec: { minReplicas, maxReplicas: 6 } });
const API_SELECTOR = { matchLabels: { app: 'api' } };

/** The budget field on line 6, `written` its text ("maxUnavailable: 3"). */
const at = (written: string) => ({ line: 6, column: 3, endLine: 6, endColumn: 3 + written.length });
const max = (value: number | string, targets: string) => ({ messageId: 'maxUnavailable' as const, data: { name: 'zk-pdb', value, targets }, ...at(`maxUnavailable: ${value}`) });

new RuleTester().run('pdb-allows-all', rule, {
  valid: [
    documents(budget({ maxUnavailable: 1 }), zk(3)),
    documents(budget({ maxUnavailable: 2 }), zk(3)),
    documents(budget({ maxUnavailable: '50%' }), zk(3)),
    documents(budget({ maxUnavailable: '99%' }), zk(100)),
    documents(budget({ minAvailable: 1 }), zk(3)),
    documents(budget({ minAvailable: '1%' }), zk(3)),
    // One replica: a budget can only allow its eviction or block it; maxUnavailable 1 is the usual choice.
    documents(budget({ maxUnavailable: 1 }), zk(1)),
    documents(budget({ maxUnavailable: '50%' }), zk()),
    // No replica: nothing to protect.
    documents(budget({ maxUnavailable: 1 }), zk(0)),
    // At its lowest scale the autoscaled Deployment keeps one pod more than the budget allows to go.
    documents(budget({ maxUnavailable: 2 }, API_SELECTOR), api(1), apiScaler(3)),
    // A DaemonSet's pod count is unknown: only the value-only cases fire.
    documents(budget({ maxUnavailable: 5 }), agent),
    // Both or neither: pdb-policy. maxUnavailable 0: pdb-blocks-eviction. No selector: pdb-selects-nothing.
    documents(budget({ minAvailable: 0, maxUnavailable: 3 }), zk(3)),
    documents(budget({ unhealthyPodEvictionPolicy: 'AlwaysAllow' }), zk(3)),
    documents(budget({ maxUnavailable: 0 }), zk(3)),
    documents(budget({ minAvailable: 0 }, null), zk(3)),
    // Nothing selected: the count is unknown.
    budget({ maxUnavailable: 3 }),
    // Values the API server refuses are pdb-policy's and the schema's.
    documents(budget({ maxUnavailable: '3' }), zk(3)),
    documents(budget({ maxUnavailable: [3] }), zk(3)),
    documents(budget({ minAvailable: '0' }), zk(3)),
  ],
  invalid: [
    {
      code: documents(budget({ minAvailable: 0 }), zk(3)),
      errors: [
        {
          messageId: 'minAvailable',
          message:
            "PodDisruptionBudget 'zk-pdb' requires minAvailable 0 of StatefulSet 'zk' with 3 replicas: every pod it selects may be evicted at the same time, so it protects nothing against drains and upgrades; set maxUnavailable: 1 instead",
          severity: 'warning',
          ...at('minAvailable: 0'),
        },
      ],
    },
    { code: documents(budget({ minAvailable: '0%' }), zk(1)), errors: [{ messageId: 'minAvailable', data: { name: 'zk-pdb', value: '0%', targets: "StatefulSet 'zk' with 1 replica" }, ...at('minAvailable: 0%') }] },
    { code: documents(budget({ minAvailable: 0 }), agent), errors: [{ messageId: 'minAvailable', data: { name: 'zk-pdb', value: 0, targets: 'the pods it selects' }, ...at('minAvailable: 0') }] },
    {
      code: documents(budget({ maxUnavailable: 3 }), zk(3)),
      errors: [
        {
          messageId: 'maxUnavailable',
          message:
            "PodDisruptionBudget 'zk-pdb' sets maxUnavailable 3 for StatefulSet 'zk' with 3 replicas: every pod it selects may be evicted at the same time, so it protects nothing against drains and upgrades; set maxUnavailable: 1",
          ...at('maxUnavailable: 3'),
        },
      ],
    },
    { code: documents(budget({ maxUnavailable: 5 }), zk(3)), errors: [max(5, "StatefulSet 'zk' with 3 replicas")] },
    // 100% whatever it selects, even when the count is unknown or there is one replica.
    { code: budget({ maxUnavailable: '100%' }), errors: [max('100%', 'the pods it selects')] },
    { code: documents(budget({ maxUnavailable: '100%' }), zk(1)), errors: [max('100%', "StatefulSet 'zk' with 1 replica")] },
    {
      // The disruption controller rounds a percentage of maxUnavailable up: 67% of 3 pods is 2.01, so 3.
      code: documents(budget({ maxUnavailable: '67%' }), zk(3)),
      errors: [
        {
          messageId: 'maxUnavailableRounded',
          message:
            "PodDisruptionBudget 'zk-pdb' sets maxUnavailable 67% for StatefulSet 'zk' with 3 replicas, which rounds up to 3 pods: every pod it selects may be evicted at the same time, so it protects nothing against drains and upgrades; set maxUnavailable: 1",
          ...at('maxUnavailable: 67%'),
        },
      ],
    },
    // Three pods in all across two workloads.
    { code: documents(budget({ maxUnavailable: 3 }), zk(2), zkUi(1)), errors: [max(3, "StatefulSet 'zk' and Deployment 'zk-ui' with 3 replicas in all")] },
    // At the autoscaler's lowest scale every pod may go.
    {
      code: documents(budget({ maxUnavailable: 2 }, API_SELECTOR), api(4), apiScaler(2)),
      errors: [{ messageId: 'maxUnavailable', data: { name: 'zk-pdb', value: 2, targets: "Deployment 'api' with 2 replicas (minReplicas of HorizontalPodAutoscaler 'api')" }, ...at('maxUnavailable: 2') }],
    },
    // The budget and its workload in two files of one run.
    {
      code: { 'budget.yaml': budget({ maxUnavailable: 4 }, {}), 'zk.yaml': zk(4) },
      errors: [{ file: 'budget.yaml', messageId: 'maxUnavailable', data: { name: 'zk-pdb', value: 4, targets: "StatefulSet 'zk' with 4 replicas" }, ...at('maxUnavailable: 4') }],
    },
  ],
});
