import rule from '../../rules/replicas-with-autoscaler/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, documents, hpa, scaledObject, statefulSet, type ObjectOptions, type ScaleTarget } from '../helpers/manifests.js';

/** The StatefulSet 'db' (spec.replicas, when given, on line 6). */
const db = (replicas?: unknown, namespace?: string) => statefulSet({ name: 'db', replicas, namespace });
const dbTarget: ScaleTarget = { kind: 'StatefulSet', name: 'db' };
const dbHpa = (options: ObjectOptions & { target?: ScaleTarget } = {}) => hpa({ name: 'db', target: dbTarget, ...options });
/** The Deployment 'web' with 2 replicas (line 6), and a ScaledObject for it without scaleTargetRef.kind (KEDA's default). */
const web = deployment({ replicas: 2 });
const webScaledObject = (spec?: Record<string, unknown>) => scaledObject({ name: 'web', target: { name: 'web' }, spec });

/** `replicas: 3` on line 6. */
const replicas = { line: 6, column: 3, endLine: 6, endColumn: 14 };
const statefulSetReplicas = (replicas: string, autoscalers: string, verb = 'scales') => ({
  messageId: 'replicasSetStatefulSet' as const,
  data: { name: 'db', replicas, autoscalers, verb },
});

new RuleTester().run('replicas-with-autoscaler', rule, {
  valid: [
    // The autoscaler owns the count: no spec.replicas.
    documents(db(), dbHpa()),
    documents(db(null), dbHpa()),
    // An HPA targeting another workload, or another kind of the same name.
    documents(db(3), hpa({ name: 'cache', target: { kind: 'StatefulSet', name: 'cache' } })),
    documents(db(3), dbHpa({ target: { kind: 'Deployment', name: 'db' } })),
    // A custom StatefulSet kind (OpenKruise) of the same name is another workload.
    documents(db(3), dbHpa({ target: { ...dbTarget, apiVersion: 'apps.kruise.io/v1beta1' } })),
    // A ScaledObject's kind defaults to Deployment: it does not target the StatefulSet 'db'.
    documents(db(3), scaledObject({ name: 'db', target: { name: 'db' } })),
    // Another namespace.
    documents(db(3, 'data'), scaledObject({ name: 'db', target: dbTarget })),
    // A custom resource sharing the kind name is not an autoscaler.
    documents(web, hpa({ name: 'web', apiVersion: 'example.com/v1', target: { kind: 'Deployment', name: 'web' } })),
  ],
  invalid: [
    {
      code: documents(db(3), dbHpa()),
      errors: [
        {
          messageId: 'replicasSetStatefulSet',
          message:
            "StatefulSet 'db' sets spec.replicas: 3 but HorizontalPodAutoscaler 'db' (1 to 4 replicas) scales it: every kubectl apply or GitOps sync resets the count to 3, creating or removing pods and their PersistentVolumeClaims; remove spec.replicas and let the autoscaler own the count",
          severity: 'warning',
          ...replicas,
        },
      ],
    },
    {
      // Cross-file, KEDA with its defaults (minReplicaCount 0, maxReplicaCount 100).
      code: { 'db.yaml': db(3), 'keda.yaml': scaledObject({ name: 'db', target: dbTarget }) },
      errors: [{ file: 'db.yaml', ...statefulSetReplicas('3', "ScaledObject 'db' (0 to 100 replicas)"), ...replicas }],
    },
    {
      // A ScaledObject without scaleTargetRef.kind scales a Deployment.
      code: documents(web, webScaledObject({ minReplicaCount: 1, maxReplicaCount: 4 })),
      errors: [
        {
          messageId: 'replicasSet',
          message:
            "Deployment 'web' sets spec.replicas: 2 but ScaledObject 'web' (1 to 4 replicas) scales it: every kubectl apply or GitOps sync resets the count to 2, creating or removing pods; remove spec.replicas and let the autoscaler own the count",
          ...replicas,
        },
      ],
    },
    {
      code: documents(db(0), dbHpa({ spec: { minReplicas: 2, maxReplicas: 6 } }), scaledObject({ name: 'db-keda', target: dbTarget })),
      errors: [{ ...statefulSetReplicas('0', "HorizontalPodAutoscaler 'db' (2 to 6 replicas) and ScaledObject 'db-keda' (0 to 100 replicas)", 'scale'), ...replicas }],
    },
    {
      // Bounds that are not numbers: still an autoscaler, range not shown.
      code: documents(db('3'), dbHpa({ spec: { maxReplicas: '{{ .Values.max }}' } })),
      errors: [{ ...statefulSetReplicas('"3"', "HorizontalPodAutoscaler 'db'"), ...replicas, endColumn: 16 }],
    },
  ],
});
