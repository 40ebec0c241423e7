import rule from '../../rules/pdb-selects-nothing/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { fixtureCase } from '../helpers/fixtures.js';
import { documents, pdb, workload } from '../helpers/manifests.js';

/** The budget 'zk-pdb' in `namespace`, its selector on line 8. */
const budget = (selector: unknown, namespace = 'default') => pdb({ name: 'zk-pdb', namespace, selector });
/** A workload 'zk' of `kind` whose pods are labelled app: zk, tier: coordination. */
const pods = (kind: string, namespace = 'default') => workload(kind, { name: 'zk', namespace, labels: { app: 'zk', tier: 'coordination' } });
const bareZkPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: zk-debug\n  labels:\n    app: zk\nspec:\n  containers: []\n';

const ZK = { matchLabels: { app: 'zk' } };
const atSelector = { line: 8, column: 3, endLine: 8, endColumn: 11 };
const selectsNothing = (selector: string, namespace = 'default') => ({ messageId: 'selectsNothing' as const, data: { name: 'zk-pdb', selector, namespace }, ...atSelector });
const noSelector = { messageId: 'noSelector' as const, data: { name: 'zk-pdb' }, line: 6, column: 1, endLine: 6, endColumn: 5 };

new RuleTester().run('pdb-selects-nothing', rule, {
  valid: [
    documents(budget(ZK), pods('StatefulSet')),
    documents(budget(ZK), pods('DaemonSet')),
    documents(budget({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['coordination'] }] }), pods('Deployment')),
    documents(budget({}, 'data'), pods('ReplicaSet', 'data')),
    documents(budget(ZK), bareZkPod),
  ],
  invalid: [
    {
      code: budget(ZK),
      errors: [
        {
          messageId: 'selectsNothing',
          message:
            "PodDisruptionBudget 'zk-pdb' selects pods with app=zk, but no workload or Pod of the linted files in namespace 'default' has such pods; it protects nothing (check its labels and namespace)",
          ...atSelector,
        },
      ],
    },
    { code: documents(budget(ZK, 'data'), pods('StatefulSet')), errors: [selectsNothing('pods with app=zk', 'data')] },
    {
      code: documents(budget({ ...ZK, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['coordination'] }] }), pods('StatefulSet')),
      errors: [selectsNothing('pods with app=zk, tier notin (coordination)')],
    },
    { code: documents(budget({}, 'data'), pods('StatefulSet')), errors: [selectsNothing('every pod of its namespace', 'data')] },
    {
      code: documents(pdb({ name: 'zk-pdb', namespace: 'default', spec: { selector: undefined } }), pods('StatefulSet')),
      errors: [
        {
          ...noSelector,
          message: "PodDisruptionBudget 'zk-pdb' has no spec.selector, so it selects no pods and protects nothing; set the selector of the workload it is meant for",
        },
      ],
    },
    { code: documents(budget(null), pods('StatefulSet')), errors: [noSelector] },
    // Workloads in the other files of the run count.
    fixtureCase('fixtures/rules/pdb-selects-nothing', 'pdb-selects-nothing'),
  ],
});
