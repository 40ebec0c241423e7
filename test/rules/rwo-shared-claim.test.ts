import { describe, expect, it } from 'vitest';
import rule from '../../rules/rwo-shared-claim/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const workload = (kind: string, replicas: string, extraSpec = '') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${replicas}  selector:
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
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
${extraSpec}`;

const claim = (modes: string, namespace = 'default') => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: ${namespace}
spec:
  accessModes: ${modes}
  resources:
    requests:
      storage: 1Gi
`;

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 4
`;

const claimName = { line: 21, column: 11, endLine: 21, endColumn: 26 };

describe('rwo-shared-claim', () => {
  testRule(rule, {
    valid: [
      workload('Deployment', '  replicas: 1\n') + claim('[ReadWriteOnce]'),
      workload('Deployment', '') + claim('[ReadWriteOncePod]'),
      workload('Deployment', '  replicas: 3\n') + claim('[ReadWriteMany]'),
      workload('Deployment', '  replicas: 3\n') + claim('[ReadWriteOnce, ReadOnlyMany]'),
      workload('Deployment', '  replicas: 3\n') + claim('[ReadWriteOnce]', 'other'),
      // Not declared in the linted set: the access mode is unknown.
      workload('Deployment', '  replicas: 3\n'),
      workload('Deployment', '  replicas: 3\n') + claim('null'),
      // A volume named like a claim template gets each pod's own claim.
      workload('StatefulSet', '  replicas: 3\n', '  volumeClaimTemplates:\n  - metadata:\n      name: data\n') + claim('[ReadWriteOnce]'),
      workload('Deployment', '  replicas: "3"\n') + claim('[ReadWriteOnce]'),
      workload('Deployment', '  replicas: 3\n').replace('claimName: data', 'claimName: [data]') + claim('[ReadWriteOnce]'),
    ],
    invalid: [
      {
        code: workload('Deployment', '  replicas: 3\n') + claim('[ReadWriteOnce]'),
        errors: [
          {
            ...claimName,
            severity: 1,
            message:
              "PersistentVolumeClaim 'data' is ReadWriteOnce but mounted by every pod of Deployment 'web' (3 replicas): pods scheduled on another node cannot attach it (Multi-Attach error)",
          },
        ],
      },
      {
        code: workload('StatefulSet', '  replicas: 2\n') + claim('[ReadWriteOncePod]'),
        errors: [{ ...claimName, severity: 2, message: "is ReadWriteOncePod but mounted by every pod of StatefulSet 'web' (2 replicas): only one pod can use it" }],
      },
      {
        code: workload('DaemonSet', '') + claim('[ReadWriteOnce]'),
        errors: [{ ...claimName, line: 20, endLine: 20, severity: 1, message: "DaemonSet 'web' (one per node)" }],
      },
      {
        code: workload('ReplicaSet', '  replicas: 2\n') + claim('[ReadWriteOnce]'),
        errors: [{ ...claimName, severity: 1 }],
      },
      {
        code: workload('Deployment', '  replicas: 1\n') + claim('[ReadWriteOnce]') + hpa,
        errors: [{ ...claimName, message: "(1 to 4 replicas (HorizontalPodAutoscaler 'web'))" }],
      },
      {
        code: workload('Deployment', '  replicas: 2\n', '      - name: again\n        persistentVolumeClaim:\n          claimName: data\n') + claim('[ReadWriteOnce]'),
        errors: [claimName],
      },
    ],
  });

  it('lets a configured severity win over the per-mode levels', () => {
    const code = workload('StatefulSet', '  replicas: 2\n') + claim('[ReadWriteOncePod]');
    expect(runRule(rule, code, { rules: { 'rwo-shared-claim': 'warning' } }).map((finding) => finding.severity)).toEqual([1]);
  });
});
