import { describe } from 'vitest';
import rule from '../../rules/statefulset-partition/index.js';
import { testRule } from '../helpers/rule-tester.js';

const statefulSet = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
${spec}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const rolling = (partition: string, type = '') => `  updateStrategy:\n${type}    rollingUpdate:\n      partition: ${partition}\n`;

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: StatefulSet
    name: web
  maxReplicas: 6
`;

describe('statefulset-partition', () => {
  testRule(rule, {
    valid: [
      statefulSet('  replicas: 3\n' + rolling('0')),
      statefulSet('  replicas: 3\n' + rolling('2')),
      statefulSet(rolling('0')),
      // ordinals 5-7: partition 7 still updates web-7.
      statefulSet('  replicas: 3\n  ordinals:\n    start: 5\n' + rolling('7')),
      statefulSet('  replicas: 3\n' + rolling('5', '    type: OnDelete\n')),
      statefulSet('  replicas: 0\n' + rolling('3')),
      statefulSet('  replicas: 3\n' + rolling('"5"')),
      statefulSet('  replicas: 3\n' + rolling('4')) + hpa,
      statefulSet('  replicas: 3\n  updateStrategy: RollingUpdate\n'),
    ],
    invalid: [
      {
        code: statefulSet('  replicas: 3\n' + rolling('3')),
        errors: [
          {
            line: 10,
            column: 7,
            endLine: 10,
            endColumn: 19,
            message:
              "StatefulSet 'web' has partition 3, above its highest ordinal 2 (3 replicas, ordinals 0-2): no pod is ever updated, so template changes never roll out",
          },
        ],
      },
      {
        code: statefulSet(rolling('1', '    type: RollingUpdate\n')),
        errors: [{ line: 10, column: 7, endLine: 10, endColumn: 19, message: 'highest ordinal 0 (1 replica, ordinals 0-0)' }],
      },
      {
        code: statefulSet('  replicas: 3\n  ordinals:\n    start: 5\n' + rolling('8')),
        errors: [{ line: 12, column: 7, endLine: 12, endColumn: 19, message: 'partition 8, above its highest ordinal 7 (3 replicas, ordinals 5-7)' }],
      },
      {
        code: statefulSet('  replicas: 3\n' + rolling('6')) + hpa,
        errors: [{ line: 10, column: 7, endLine: 10, endColumn: 19, message: "highest ordinal 5 (1 to 6 replicas (HorizontalPodAutoscaler 'web'), ordinals 0-5)" }],
      },
    ],
  });
});
