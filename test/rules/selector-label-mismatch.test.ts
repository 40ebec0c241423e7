import { describe, expect, it } from 'vitest';
import rule from '../../rules/selector-label-mismatch/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const workload = (kind: string, selector: string, labels: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers: []
`;

describe('selector-label-mismatch', () => {
  testRule(rule, {
    valid: [
      workload('StatefulSet', '    matchLabels:\n      app: web', '        app: web\n        tier: db'),
      workload(
        'Deployment',
        '    matchExpressions:\n    - {key: app, operator: In, values: [web, api]}\n    - {key: legacy, operator: DoesNotExist}\n    - {key: tier, operator: Exists}\n    - {key: env, operator: NotIn, values: [dev]}',
        '        app: web\n        tier: db\n        env: prod',
      ),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec: null\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selector:\n    app: y\n',
    ],
    invalid: [
      {
        code: workload('StatefulSet', '    matchLabels:\n      app: web\n      tier: db', '        app: web'),
        errors: [{ line: 9, column: 7, endLine: 9, endColumn: 15, message: "Selector label tier=db does not match the pod template, which has no label 'tier'" }],
      },
      {
        code: workload('DaemonSet', '    matchLabels:\n      app: web', '        app: nginx'),
        errors: [{ line: 8, column: 7, endLine: 8, endColumn: 15, message: 'which has app=nginx' }],
      },
      {
        code: workload('ReplicaSet', '    matchExpressions:\n    - key: app\n      operator: In\n      values: [api]', '        app: web'),
        errors: [{ line: 8, column: 7, endLine: 8, endColumn: 15, message: "'app in (api)'" }],
      },
      {
        code: workload('Deployment', '    matchExpressions:\n    - {key: app, operator: Matches, values: [w]}', '        app: web'),
        errors: [{ line: 8, column: 8, endLine: 8, endColumn: 16, message: "'app Matches (w)'" }],
      },
      {
        code: workload('Deployment', '    {}', '        app: web'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11, message: 'empty spec.selector' }],
      },
    ],
  });

  it('names the failing labels and the template labels', () => {
    const [finding] = runRule(rule, workload('StatefulSet', '    matchExpressions:\n    - {key: app, operator: NotIn, values: [web]}', '        app: web\n        tier: db'));
    expect(finding.message).toBe(
      "Selector requirement 'app notin (web)' does not match the pod template labels (app=web, tier=db); the API server rejects StatefulSet 'web'",
    );
  });
});
