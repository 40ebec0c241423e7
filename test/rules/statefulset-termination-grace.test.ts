import { describe } from 'vitest';
import rule from '../../rules/statefulset-termination-grace/index.js';
import { testRule } from '../helpers/rule-tester.js';

const statefulSet = (podSpec: string, kind = 'StatefulSet', apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: pg
spec:
  serviceName: pg
  selector:
    matchLabels:
      app: pg
  template:
    metadata:
      labels:
        app: pg
    spec:
${podSpec}      containers:
      - name: pg
        image: postgres:16
`;

describe('statefulset-termination-grace', () => {
  testRule(rule, {
    valid: [
      statefulSet(''),
      statefulSet('      terminationGracePeriodSeconds: 30\n'),
      statefulSet('      terminationGracePeriodSeconds: "0"\n'),
      statefulSet('      terminationGracePeriodSeconds: 0\n', 'Deployment'),
      statefulSet('      terminationGracePeriodSeconds: 0\n', 'StatefulSet', 'apps.kruise.io/v1beta1'),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec:\n  template: null\n',
    ],
    invalid: [
      {
        code: statefulSet('      terminationGracePeriodSeconds: 0\n'),
        errors: [
          {
            line: 15,
            column: 7,
            endLine: 15,
            endColumn: 39,
            message: "StatefulSet 'pg' sets terminationGracePeriodSeconds: 0: its pods are killed without a chance to shut down",
          },
        ],
      },
    ],
  });
});
