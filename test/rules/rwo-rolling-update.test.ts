import { describe } from 'vitest';
import rule from '../../rules/rwo-rolling-update/index.js';
import { testRule } from '../helpers/rule-tester.js';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: mysql
spec:
${spec}  selector:
    matchLabels:
      app: mysql
  template:
    metadata:
      labels:
        app: mysql
    spec:
      containers:
      - name: mysql
        image: mysql:8.4
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: mysql-data
`;

const claim = (mode: string) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: mysql-data
spec:
  accessModes: [${mode}]
  resources:
    requests:
      storage: 10Gi
`;

describe('rwo-rolling-update', () => {
  testRule(rule, {
    valid: [
      deployment('  strategy:\n    type: Recreate\n') + claim('ReadWriteOnce'),
      deployment('') + claim('ReadWriteMany'),
      deployment(''),
      deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n') + claim('ReadWriteOnce'),
      deployment('  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: "0%"\n') + claim('ReadWriteOncePod'),
      // More than one replica: rwo-shared-claim reports the shared claim.
      deployment('  replicas: 2\n') + claim('ReadWriteOnce'),
      deployment('  replicas: x\n') + claim('ReadWriteOnce'),
      deployment('  strategy: Recreate\n') + claim('ReadWriteOnce'),
    ],
    invalid: [
      {
        code: deployment('') + claim('ReadWriteOnce'),
        errors: [
          {
            line: 20,
            column: 11,
            endLine: 20,
            endColumn: 32,
            message:
              "Deployment 'mysql' uses the RollingUpdate strategy (the default) with ReadWriteOnce PersistentVolumeClaim 'mysql-data': the new pod cannot use the volume while the old pod holds it",
          },
        ],
      },
      {
        code: deployment('  replicas: 1\n  strategy:\n    type: RollingUpdate\n') + claim('ReadWriteOncePod'),
        errors: [{ line: 8, column: 5, endLine: 8, endColumn: 24, message: 'uses the RollingUpdate strategy with ReadWriteOncePod PersistentVolumeClaim' }],
      },
      {
        code: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 1\n') + claim('ReadWriteOnce'),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11, message: 'RollingUpdate strategy (the default)' }],
      },
    ],
  });
});
