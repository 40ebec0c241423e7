import { describe } from 'vitest';
import rule from '../../rules/replicas-with-autoscaler/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { doc, hpa, scaledObject, statefulSet } from '../helpers/storage-manifests.js';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${replicas}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

/** `replicas: 3` of statefulSet({ replicas: '3' }), line 7. */
const replicas = { line: 7, column: 3, endLine: 7, endColumn: 14 };

describe('replicas-with-autoscaler', () => {
  testRule(rule, {
    valid: [
      // The autoscaler owns the count: no spec.replicas.
      doc(statefulSet(), hpa('db', 'db')),
      doc(statefulSet({ replicas: 'null' }), hpa('db', 'db')),
      // An HPA targeting another workload, or another kind of the same name.
      doc(statefulSet({ replicas: '3' }), hpa('cache', 'cache')),
      doc(statefulSet({ replicas: '3' }), hpa('db', 'db', '  maxReplicas: 5\n', 'Deployment')),
      // A custom StatefulSet kind (OpenKruise) of the same name is another workload.
      doc(statefulSet({ replicas: '3' }), hpa('db', 'db').replace('apiVersion: apps/v1', 'apiVersion: apps.kruise.io/v1beta1')),
      // A ScaledObject's kind defaults to Deployment: it does not target the StatefulSet 'db'.
      doc(statefulSet({ replicas: '3' }), scaledObject('db', 'db').replace('    kind: StatefulSet\n', '')),
      // Another namespace.
      doc(statefulSet({ replicas: '3', namespace: 'data' }), scaledObject('db', 'db')),
      // A custom resource sharing the kind name is not an autoscaler.
      doc(deployment('  replicas: 2\n'), hpa('web', 'web', '  maxReplicas: 5\n', 'Deployment').replace('autoscaling/v2', 'example.com/v1')),
    ],
    invalid: [
      {
        code: doc(statefulSet({ replicas: '3' }), hpa('db', 'db')),
        errors: [{ ...replicas, message: "StatefulSet 'db' sets spec.replicas: 3 but HorizontalPodAutoscaler 'db' (1 to 5 replicas) scales it: every kubectl apply or GitOps sync resets the count to 3, creating or removing pods and their PersistentVolumeClaims" }],
      },
      {
        // Cross-file, KEDA with its defaults (minReplicaCount 0, maxReplicaCount 100).
        code: { 'db.yaml': statefulSet({ replicas: '3' }), 'keda.yaml': scaledObject('db', 'db') },
        errors: [{ ...replicas, message: "ScaledObject 'db' (0 to 100 replicas) scales it" }],
      },
      {
        // A ScaledObject without scaleTargetRef.kind scales a Deployment.
        code: doc(deployment('  replicas: 2\n'), scaledObject('web', 'web', '  minReplicaCount: 1\n  maxReplicaCount: 4\n').replace('    kind: StatefulSet\n', '')),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 14, message: "Deployment 'web' sets spec.replicas: 2 but ScaledObject 'web' (1 to 4 replicas) scales it: every kubectl apply or GitOps sync resets the count to 2, creating or removing pods; remove spec.replicas" }],
      },
      {
        code: doc(statefulSet({ replicas: '0' }), hpa('db', 'db', '  minReplicas: 2\n  maxReplicas: 6\n'), scaledObject('db-keda', 'db')),
        errors: [{ ...replicas, endColumn: 14, message: "sets spec.replicas: 0 but HorizontalPodAutoscaler 'db' (2 to 6 replicas) and ScaledObject 'db-keda' (0 to 100 replicas) scale it" }],
      },
      {
        // Bounds that are not numbers: still an autoscaler, range not shown.
        code: doc(statefulSet({ replicas: '"3"' }), hpa('db', 'db', '  maxReplicas: "{{ .Values.max }}"\n')),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 16, message: `sets spec.replicas: "3" but HorizontalPodAutoscaler 'db' scales it` }],
      },
    ],
  });
});
