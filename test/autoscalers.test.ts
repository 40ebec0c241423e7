import { describe, expect, it } from 'vitest';
import pdbBlocksEviction from '../rules/pdb-blocks-eviction/index.js';
import pdbMissing from '../rules/pdb-missing/index.js';
import schema from '../rules/schema/index.js';
import rwoRollingUpdate from '../rules/rwo-rolling-update/index.js';
import rwoSharedClaim from '../rules/rwo-shared-claim/index.js';
import { describeBound, describeReplicas, replicaCount } from '../src/k8s/replicas.js';
import { lintSources } from '../src/lint.js';
import { runRule } from './helpers/rule-tester.js';
import { claim, doc, hpa, scaledObject, statefulSet } from './helpers/storage-manifests.js';

/** The replica count of the first object of the YAML text, with the rest of it in the index. */
function countOf(text: string) {
  const { index } = lintSources([{ path: 'test.yaml', text }], { registry: [] });
  return replicaCount(index.resources[0], index);
}

const deployment = (spec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
${spec}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;

describe('replica counts with autoscalers (src/k8s/replicas.ts)', () => {
  it('takes a HorizontalPodAutoscaler range: minReplicas defaults to 1', () => {
    const count = countOf(doc(statefulSet({ replicas: '3' }), hpa('db', 'db', '  maxReplicas: 7\n')));
    expect(count).toMatchObject({ min: 1, max: 7, fields: { min: 'minReplicas', max: 'maxReplicas' } });
    expect(describeReplicas(count!)).toBe("1 to 7 replicas (HorizontalPodAutoscaler 'db')");
    expect(describeBound(count!, 'min')).toBe("minReplicas of HorizontalPodAutoscaler 'db'");
  });

  it('takes a KEDA ScaledObject range: minReplicaCount 0 and maxReplicaCount 100 by default', () => {
    const count = countOf(doc(statefulSet({ replicas: '3' }), scaledObject('db', 'db')));
    expect(count).toMatchObject({ min: 0, max: 100 });
    expect(describeReplicas(count!)).toBe("0 to 100 replicas (ScaledObject 'db')");
    expect(describeBound(count!, 'max')).toBe("maxReplicaCount of ScaledObject 'db'");
  });

  it('reads idleReplicaCount below the minimum, and the paused-replicas annotation', () => {
    expect(countOf(doc(statefulSet(), scaledObject('db', 'db', '  idleReplicaCount: 0\n  minReplicaCount: 3\n  maxReplicaCount: 9\n')))).toMatchObject({
      min: 0,
      max: 9,
      fields: { min: 'idleReplicaCount', max: 'maxReplicaCount' },
    });
    // An idleReplicaCount that is not below the minimum is rejected by KEDA: the minimum stands.
    expect(countOf(doc(statefulSet(), scaledObject('db', 'db', '  idleReplicaCount: 5\n  minReplicaCount: 3\n')))).toMatchObject({ min: 3, max: 100 });
    const paused = scaledObject('db', 'db', '  maxReplicaCount: 9\n', 'StatefulSet', '  annotations: {autoscaling.keda.sh/paused-replicas: "2"}\n');
    expect(countOf(doc(statefulSet(), paused))).toMatchObject({ min: 2, max: 2 });
  });

  it('matches apps and extensions targets, and lets a ScaledObject stand for the HPA KEDA made for it', () => {
    const legacy = hpa('db', 'db', '  maxReplicas: 4\n').replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1');
    expect(countOf(doc(statefulSet({ replicas: '3' }), legacy))).toMatchObject({ min: 1, max: 4 });
    // Exported cluster state: KEDA's HPA (min 1) comes first in the inputs, the ScaledObject's range (0 to 10) counts.
    const kedaHpa = hpa('keda-hpa-db', 'db', '  minReplicas: 1\n  maxReplicas: 10\n').replace('  name: keda-hpa-db\n', '  name: keda-hpa-db\n  labels: {scaledobject.keda.sh/name: db}\n');
    expect(countOf(doc(statefulSet(), kedaHpa, scaledObject('db', 'db', '  maxReplicaCount: 10\n')))).toMatchObject({ min: 0, max: 10, autoscaler: { kind: 'ScaledObject' } });
  });

  it('falls back to spec.replicas when no autoscaler of the inputs has readable bounds for the workload', () => {
    expect(countOf(doc(statefulSet({ replicas: '3' }), hpa('db', 'db', '  maxReplicas: "{{ max }}"\n')))).toEqual({ min: 3, max: 3 });
    expect(countOf(doc(statefulSet({ replicas: '3' }), hpa('db', 'db', '  minReplicas: 6\n  maxReplicas: 2\n')))).toEqual({ min: 3, max: 3 });
    // A ScaledObject without kind scales a Deployment; an HPA of another API group is not an autoscaler.
    expect(countOf(doc(statefulSet({ replicas: '3' }), scaledObject('db', 'db').replace('    kind: StatefulSet\n', '')))).toEqual({ min: 3, max: 3 });
    expect(countOf(doc(statefulSet({ replicas: '3' }), hpa('db', 'db').replace('autoscaling/v2', 'example.com/v1')))).toEqual({ min: 3, max: 3 });
  });
});

describe('rules that count replicas count a ScaledObject as they count an HPA', () => {
  it('pdb-missing: a single replica scaled by KEDA up to 100', () => {
    const messages = runRule(pdbMissing, doc(statefulSet({ replicas: '1' }), scaledObject('db', 'db')));
    expect(messages.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 7, column: 3, message: expect.stringContaining("StatefulSet 'db' runs 0 to 100 replicas (ScaledObject 'db') but no PodDisruptionBudget") },
    ]);
    expect(runRule(pdbMissing, doc(statefulSet({ replicas: '3' }), scaledObject('db', 'db', '  maxReplicaCount: 1\n')))).toEqual([]);
  });

  it('pdb-blocks-eviction: minAvailable equal to the ScaledObject minimum, named by its field', () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: db}\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: db}}\n';
    const messages = runRule(pdbBlocksEviction, doc(pdb, statefulSet({ replicas: '5' }), scaledObject('db', 'db', '  minReplicaCount: 2\n  maxReplicaCount: 6\n')));
    expect(messages.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 5, message: "PodDisruptionBudget 'db' requires minAvailable 2 of StatefulSet 'db' with 2 replicas (minReplicaCount of ScaledObject 'db'): no pod can ever be evicted, so node drains hang" },
    ]);
    // Scale to zero: at its lowest the workload has no pod to evict.
    expect(runRule(pdbBlocksEviction, doc(pdb, statefulSet({ replicas: '5' }), scaledObject('db', 'db')))).toEqual([]);
  });

  it('rwo-shared-claim and rwo-rolling-update: a one-replica Deployment that KEDA scales out', () => {
    const rwo = claim('data');
    const scaled = doc(deployment(), rwo, scaledObject('web', 'web').replace('    kind: StatefulSet\n', ''));
    expect(runRule(rwoSharedClaim, scaled).map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 12, message: expect.stringContaining("mounted by every pod of Deployment 'web' (0 to 100 replicas (ScaledObject 'web'))") },
    ]);
    expect(runRule(rwoRollingUpdate, scaled)).toEqual([]);
    // Capped at one replica, the Deployment's own rollout is the problem.
    const capped = doc(deployment(), rwo, scaledObject('web', 'web', '  maxReplicaCount: 1\n').replace('    kind: StatefulSet\n', ''));
    expect(runRule(rwoSharedClaim, capped)).toEqual([]);
    expect(runRule(rwoRollingUpdate, capped)).toHaveLength(1);
  });
});

describe('a ScaledObject is a custom resource like any other', () => {
  /** An excerpt of KEDA's CustomResourceDefinition (keda.sh_scaledobjects.yaml): the replica counts are int32. */
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: scaledobjects.keda.sh
spec:
  group: keda.sh
  names: {kind: ScaledObject, plural: scaledobjects}
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [scaleTargetRef, triggers]
            properties:
              minReplicaCount: {type: integer, format: int32}
              maxReplicaCount: {type: integer, format: int32}
              scaleTargetRef:
                type: object
                required: [name]
                properties: {name: {type: string}, kind: {type: string}, apiVersion: {type: string}}
              triggers: {type: array, items: {type: object}}
`;

  it('is validated against its CRD when the inputs hold it, and skipped without one', () => {
    const object = scaledObject('db', 'db', '  maxReplicaCount: ten\n');
    const messages = runRule(schema, { 'crd.yaml': crd, 'keda.yaml': object });
    expect(messages.map(({ file, line, column }) => ({ file, line, column }))).toEqual([{ file: 'keda.yaml', line: 9, column: 3 }]);
    expect(runRule(schema, object)).toEqual([]);
  });
});
