import rule from '../../rules/pdb-blocks-eviction/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, documents, hpa, pdb, statefulSet, workload } from '../helpers/manifests.js';

/** The budget 'zk-pdb' (its budget field on line 6) selecting `selector`, default the pods of 'zk'. */
const budget = (fields: Record<string, unknown>, selector: unknown = { matchLabels: { app: 'zk' } }) => pdb({ name: 'zk-pdb', budget: fields, selector });
const zk = (replicas: number) => statefulSet({ name: 'zk', replicas });
const zkUi = deployment({ name: 'zk-ui', labels: { app: 'zk' } });
const agent = workload('DaemonSet', { name: 'agent', labels: { app: 'zk' } });
const api = (replicas: number) => deployment({ name: 'api', replicas });
const apiScaler = hpa({ name: 'api', target: { kind: 'Deployment', name: 'api' }, spec: { minReplicas: 2, maxReplicas: 6 } });
const API_SELECTOR = { matchLabels: { app: 'api' } };

/** The budget field on line 6, `written` its text ("minAvailable: 3"). */
const at = (written: string) => ({ line: 6, column: 3, endLine: 6, endColumn: 3 + written.length });
const min = (value: number | string, targets: string, written = `minAvailable: ${value}`) => ({
  messageId: 'minAvailable' as const,
  data: { name: 'zk-pdb', value, targets },
  ...at(written),
});

new RuleTester().run('pdb-blocks-eviction', rule, {
  valid: [
    documents(budget({ maxUnavailable: 1 }), zk(3)),
    documents(budget({ maxUnavailable: '10%' }), zk(3)),
    documents(budget({ minAvailable: 2 }), zk(3)),
    documents(budget({ minAvailable: '60%' }), zk(3)),
    documents(budget({ minAvailable: '50%' }), zk(7)),
    // Both or neither: pdb-policy reports those.
    documents(budget({ minAvailable: 3, maxUnavailable: 0 }), zk(3)),
    documents(budget({ unhealthyPodEvictionPolicy: 'AlwaysAllow' }), zk(3)),
    // Nothing selected: the count is unknown (pdb-selects-nothing reports it).
    budget({ minAvailable: 3 }),
    documents(budget({ minAvailable: 3 }, { matchLabels: { app: 'other' } }), zk(3)),
    documents(budget({ minAvailable: 3 }, null), zk(3)),
    documents(budget({ maxUnavailable: 0 }, null), zk(3)),
    // A DaemonSet runs one pod per node: the count is unknown.
    documents(budget({ minAvailable: 3 }), agent),
    // Four pods in all across two workloads.
    documents(budget({ minAvailable: 3 }), zk(3), zkUi),
    documents(budget({ minAvailable: 1 }, API_SELECTOR), api(1), apiScaler),
    documents(budget({ minAvailable: 2 }), zk(0)),
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\nspec: 7\n',
    documents(budget({ minAvailable: [3] }), zk(3)),
    documents(budget({ minAvailable: '3' }), zk(3)),
  ],
  invalid: [
    {
      code: documents(budget({ minAvailable: 3 }), zk(3)),
      errors: [
        {
          messageId: 'minAvailable',
          message: "PodDisruptionBudget 'zk-pdb' requires minAvailable 3 of StatefulSet 'zk' with 3 replicas: no pod can ever be evicted, so node drains hang",
          severity: 'error',
          ...at('minAvailable: 3'),
        },
      ],
    },
    { code: documents(budget({ minAvailable: 5 }), zk(3)), errors: [min(5, "StatefulSet 'zk' with 3 replicas")] },
    { code: documents(budget({ minAvailable: 1 }), zk(1)), errors: [min(1, "StatefulSet 'zk' with 1 replica")] },
    {
      code: documents(budget({ maxUnavailable: 0 }), zk(3)),
      errors: [
        {
          messageId: 'maxUnavailable',
          message: "PodDisruptionBudget 'zk-pdb' sets maxUnavailable 0 for StatefulSet 'zk' with 3 replicas: no pod can ever be evicted, so node drains hang",
          ...at('maxUnavailable: 0'),
        },
      ],
    },
    {
      code: budget({ maxUnavailable: '0%' }),
      errors: [{ messageId: 'maxUnavailable', data: { name: 'zk-pdb', value: '0%', targets: 'the pods it selects' }, ...at('maxUnavailable: 0%') }],
    },
    { code: budget({ minAvailable: '100%' }), errors: [min('100%', 'the pods it selects')] },
    { code: documents(budget({ minAvailable: '100%' }), agent), errors: [min('100%', 'the pods it selects')] },
    {
      code: documents(budget({ minAvailable: '67%' }), zk(3)),
      errors: [{ messageId: 'minAvailableRounded', data: { name: 'zk-pdb', value: '67%', targets: "StatefulSet 'zk' with 3 replicas", required: 3, pods: 'pods' }, ...at('minAvailable: 67%') }],
    },
    {
      code: documents(budget({ minAvailable: '50%' }), zk(1)),
      errors: [
        {
          messageId: 'minAvailableRounded',
          message: "PodDisruptionBudget 'zk-pdb' requires minAvailable 50% of StatefulSet 'zk' with 1 replica, which rounds up to 1 pod: no pod can ever be evicted, so node drains hang",
          ...at('minAvailable: 50%'),
        },
      ],
    },
    { code: documents(budget({ minAvailable: 4 }), zk(3), zkUi), errors: [min(4, "StatefulSet 'zk' and Deployment 'zk-ui' with 4 replicas in all")] },
    {
      code: documents(budget({ minAvailable: 2 }, API_SELECTOR), api(4), apiScaler),
      errors: [min(2, "Deployment 'api' with 2 replicas (minReplicas of HorizontalPodAutoscaler 'api')")],
    },
    // An empty selector selects every pod of the namespace.
    { code: documents(budget({ minAvailable: 3 }, {}), zk(3)), errors: [min(3, "StatefulSet 'zk' with 3 replicas")] },
    {
      code: documents(budget({ maxUnavailable: 0, minAvailable: null }), zk(3)),
      errors: [{ messageId: 'maxUnavailable', data: { name: 'zk-pdb', value: 0, targets: "StatefulSet 'zk' with 3 replicas" }, ...at('maxUnavailable: 0') }],
    },
  ],
});
