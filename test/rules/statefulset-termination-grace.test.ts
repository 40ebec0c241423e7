import rule from '../../rules/statefulset-termination-grace/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, statefulSet } from '../helpers/manifests.js';

/** The StatefulSet 'pg' whose pod spec sets terminationGracePeriodSeconds (line 18) to `seconds`. */
const pg = (seconds?: unknown, apiVersion?: string) => statefulSet({ name: 'pg', apiVersion, pod: { terminationGracePeriodSeconds: seconds } });

new RuleTester().run('statefulset-termination-grace', rule, {
  valid: [
    pg(),
    pg(30),
    pg('0'),
    deployment({ name: 'pg', pod: { terminationGracePeriodSeconds: 0 } }),
    pg(0, 'apps.kruise.io/v1beta1'),
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec:\n  template: null\n',
  ],
  invalid: [
    {
      code: pg(0),
      errors: [
        {
          messageId: 'zero',
          message:
            "StatefulSet 'pg' sets terminationGracePeriodSeconds: 0: its pods are killed without a chance to shut down, and the Kubernetes docs call a zero grace period unsafe for StatefulSet pods; leave the default (30) or give the time a clean shutdown needs",
          severity: 'warning',
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 39,
        },
      ],
    },
  ],
});
