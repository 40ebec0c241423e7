import rule from '../../rules/selector-label-mismatch/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { workload } from '../helpers/manifests.js';

/** A workload 'web' of `kind` with `selector` (from line 6) and pod template labels `labels`. */
const web = (kind: string, selector: unknown, labels: Record<string, unknown>) => workload(kind, { labels, selector });

new RuleTester().run('selector-label-mismatch', rule, {
  valid: [
    web('StatefulSet', { matchLabels: { app: 'web' } }, { app: 'web', tier: 'db' }),
    web(
      'Deployment',
      {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web', 'api'] },
          { key: 'legacy', operator: 'DoesNotExist' },
          { key: 'tier', operator: 'Exists' },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
        ],
      },
      { app: 'web', tier: 'db', env: 'prod' },
    ),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec: null\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selector:\n    app: y\n',
  ],
  invalid: [
    {
      code: web('StatefulSet', { matchLabels: { app: 'web', tier: 'db' } }, { app: 'web' }),
      errors: [
        {
          messageId: 'labelMissing',
          message: "Selector label tier=db does not match the pod template, which has no label 'tier'; the API server rejects StatefulSet 'web'",
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 15,
        },
      ],
    },
    {
      code: web('DaemonSet', { matchLabels: { app: 'web' } }, { app: 'nginx' }),
      errors: [{ messageId: 'labelDiffers', data: { key: 'app', value: 'web', actual: 'nginx', kind: 'DaemonSet', name: 'web' }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      code: web('ReplicaSet', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] }, { app: 'web' }),
      errors: [{ messageId: 'requirementUnmet', data: { requirement: 'app in (api)', labels: 'app=web', kind: 'ReplicaSet', name: 'web' }, line: 8, column: 9, endLine: 8, endColumn: 17 }],
    },
    {
      code: web('Deployment', { matchExpressions: [{ key: 'app', operator: 'Matches', values: ['w'] }] }, { app: 'web' }),
      errors: [{ messageId: 'requirementUnmet', data: { requirement: 'app Matches (w)', labels: 'app=web', kind: 'Deployment', name: 'web' }, line: 8, column: 9, endLine: 8, endColumn: 17 }],
    },
    {
      code: web('StatefulSet', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, { app: 'web', tier: 'db' }),
      errors: [
        {
          messageId: 'requirementUnmet',
          message: "Selector requirement 'app notin (web)' does not match the pod template labels (app=web, tier=db); the API server rejects StatefulSet 'web'",
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 17,
        },
      ],
    },
    {
      code: web('Deployment', {}, { app: 'web' }),
      errors: [{ messageId: 'emptySelector', message: "Deployment 'web' has an empty spec.selector; the API server rejects it (pod labels: app=web)", line: 6, column: 3, endLine: 6, endColumn: 11 }],
    },
  ],
});
