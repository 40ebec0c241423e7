import { describe, expect, it } from 'vitest';
import pdbBlocksEviction from '../rules/pdb-blocks-eviction/index.js';
import pdbMissing from '../rules/pdb-missing/index.js';
import schema from '../rules/schema/index.js';
import rwoRollingUpdate from '../rules/rwo-rolling-update/index.js';
import rwoSharedClaim from '../rules/rwo-shared-claim/index.js';
import { describeBound, describeReplicas, replicaCount } from '../src/k8s/replicas.js';
import { lintSources } from '../src/lint.js';
import { RuleTester } from '../src/linter/rule-tester.js';
import { claim, deployment, documents, hpa, pdb, scaledObject, statefulSet, type ObjectOptions, type ScaleTarget } from './helpers/manifests.js';

/** The replica count of the first object of the YAML text, with the rest of it in the index. */
function countOf(text: string) {
  const { index } = lintSources([{ path: 'test.yaml', text }], { registry: [] });
  return replicaCount(index.resources[0], index);
}

type Tree = Record<string, unknown>;

const target: ScaleTarget = { kind: 'StatefulSet', name: 'db' };
/** The StatefulSet 'db' (spec.replicas, when given, on line 6). */
const db = (replicas?: number) => statefulSet({ name: 'db', replicas });
/** The HorizontalPodAutoscaler 'db' of the StatefulSet 'db', with these spec fields (maxReplicas 4 unless given). */
const dbHpa = (spec?: Tree, options: ObjectOptions & { target?: ScaleTarget } = {}) => hpa({ name: 'db', target, spec, ...options });
/** The ScaledObject 'db' of the StatefulSet 'db', with these spec fields (KEDA's 0 to 100 replicas unless given). */
const dbScaledObject = (spec?: Tree, options: ObjectOptions & { target?: ScaleTarget } = {}) => scaledObject({ name: 'db', target, spec, ...options });

describe('replica counts with autoscalers (src/k8s/replicas.ts)', () => {
  it('takes a HorizontalPodAutoscaler range: minReplicas defaults to 1', () => {
    const count = countOf(documents(db(3), dbHpa({ maxReplicas: 7 })));
    expect(count).toMatchObject({ min: 1, max: 7, fields: { min: 'minReplicas', max: 'maxReplicas' } });
    expect(describeReplicas(count!)).toBe("1 to 7 replicas (HorizontalPodAutoscaler 'db')");
    expect(describeBound(count!, 'min')).toBe("minReplicas of HorizontalPodAutoscaler 'db'");
  });

  it('takes a KEDA ScaledObject range: minReplicaCount 0 and maxReplicaCount 100 by default', () => {
    const count = countOf(documents(db(3), dbScaledObject()));
    expect(count).toMatchObject({ min: 0, max: 100 });
    expect(describeReplicas(count!)).toBe("0 to 100 replicas (ScaledObject 'db')");
    expect(describeBound(count!, 'max')).toBe("maxReplicaCount of ScaledObject 'db'");
  });

  it('reads idleReplicaCount below the minimum, and the paused-replicas annotation', () => {
    expect(countOf(documents(db(), dbScaledObject({ idleReplicaCount: 0, minReplicaCount: 3, maxReplicaCount: 9 })))).toMatchObject({
      min: 0,
      max: 9,
      fields: { min: 'idleReplicaCount', max: 'maxReplicaCount' },
    });
    // An idleReplicaCount that is not below the minimum is rejected by KEDA: the minimum stands.
    expect(countOf(documents(db(), dbScaledObject({ idleReplicaCount: 5, minReplicaCount: 3 })))).toMatchObject({ min: 3, max: 100 });
    const paused = dbScaledObject({ maxReplicaCount: 9 }, { metadata: { annotations: { 'autoscaling.keda.sh/paused-replicas': '2' } } });
    expect(countOf(documents(db(), paused))).toMatchObject({ min: 2, max: 2 });
  });

  it('matches apps and extensions targets, and lets a ScaledObject stand for the HPA KEDA made for it', () => {
    const legacy = dbHpa({}, { target: { ...target, apiVersion: 'extensions/v1beta1' } });
    expect(countOf(documents(db(3), legacy))).toMatchObject({ min: 1, max: 4 });
    // Exported cluster state: KEDA's HPA (min 1) comes first in the inputs, the ScaledObject's range (0 to 10) counts.
    const kedaHpa = dbHpa({ minReplicas: 1, maxReplicas: 10 }, { name: 'keda-hpa-db', metadata: { labels: { 'scaledobject.keda.sh/name': 'db' } } });
    expect(countOf(documents(db(), kedaHpa, dbScaledObject({ maxReplicaCount: 10 })))).toMatchObject({ min: 0, max: 10, autoscaler: { kind: 'ScaledObject' } });
  });

  it('falls back to spec.replicas when no autoscaler of the inputs has readable bounds for the workload', () => {
    expect(countOf(documents(db(3), dbHpa({ maxReplicas: '{{ max }}' })))).toEqual({ min: 3, max: 3 });
    expect(countOf(documents(db(3), dbHpa({ minReplicas: 6, maxReplicas: 2 })))).toEqual({ min: 3, max: 3 });
    // A ScaledObject without kind scales a Deployment; an HPA of another API group is not an autoscaler.
    expect(countOf(documents(db(3), dbScaledObject({}, { target: { name: 'db' } })))).toEqual({ min: 3, max: 3 });
    expect(countOf(documents(db(3), dbHpa({}, { apiVersion: 'example.com/v1' })))).toEqual({ min: 3, max: 3 });
  });
});

describe('rules that count replicas count a ScaledObject as they count an HPA', () => {
  // A single replica scaled by KEDA up to 100.
  new RuleTester().run('pdb-missing', pdbMissing, {
    valid: [documents(db(3), dbScaledObject({ maxReplicaCount: 1 }))],
    invalid: [
      {
        code: documents(db(1), dbScaledObject()),
        errors: [
          {
            messageId: 'missing',
            data: { kind: 'StatefulSet', name: 'db', replicas: "0 to 100 replicas (ScaledObject 'db')", namespace: 'default', labels: 'app=db' },
            // spec.replicas
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 14,
          },
        ],
      },
    ],
  });

  // minAvailable equal to the ScaledObject's minimum, named by its field.
  const budget = pdb({ name: 'db', budget: { minAvailable: 2 }, selector: { matchLabels: { app: 'db' } } });
  new RuleTester().run('pdb-blocks-eviction', pdbBlocksEviction, {
    // Scale to zero: at its lowest the workload has no pod to evict.
    valid: [documents(budget, db(5), dbScaledObject())],
    invalid: [
      {
        code: documents(budget, db(5), dbScaledObject({ minReplicaCount: 2, maxReplicaCount: 6 })),
        errors: [
          {
            messageId: 'minAvailable',
            message:
              "PodDisruptionBudget 'db' requires minAvailable 2 of StatefulSet 'db' with 2 replicas (minReplicaCount of ScaledObject 'db'): no pod can ever be evicted, so node drains hang",
            // spec.minAvailable
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 18,
          },
        ],
      },
    ],
  });

  // A one-replica Deployment mounting a ReadWriteOnce claim (claimName on line 21) that KEDA scales out, or not.
  const web = deployment({ replicas: 1, pod: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
  const webScaledObject = (spec?: Tree) => scaledObject({ name: 'web', target: { name: 'web' }, spec });
  const scaled = documents(web, claim(), webScaledObject());
  const capped = documents(web, claim(), webScaledObject({ maxReplicaCount: 1 }));
  const claimName = { line: 21, column: 13, endLine: 21, endColumn: 28 };
  new RuleTester().run('rwo-shared-claim', rwoSharedClaim, {
    valid: [capped],
    invalid: [
      {
        code: scaled,
        errors: [
          {
            messageId: 'readWriteOnce',
            data: { claim: 'data', mode: 'ReadWriteOnce', kind: 'Deployment', name: 'web', pods: "0 to 100 replicas (ScaledObject 'web')" },
            severity: 'warning',
            ...claimName,
          },
        ],
      },
    ],
  });
  // Scaled out, the pods share the claim (rwo-shared-claim); capped at one replica, the Deployment's own rollout is the problem.
  new RuleTester().run('rwo-rolling-update', rwoRollingUpdate, {
    valid: [scaled],
    invalid: [{ code: capped, errors: [{ messageId: 'defaultRollingUpdate', data: { name: 'web', claims: "ReadWriteOnce PersistentVolumeClaim 'data'" }, ...claimName }] }],
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
  const object = dbScaledObject({ maxReplicaCount: 'ten' });

  // Validated against its CRD when the inputs hold it, and skipped without one.
  new RuleTester().run('schema', schema, {
    valid: [object],
    invalid: [
      {
        code: { 'crd.yaml': crd, 'keda.yaml': object },
        // maxReplicaCount, after the trigger.
        errors: [
          {
            file: 'keda.yaml',
            messageId: 'wrongType',
            data: { path: 'spec.maxReplicaCount', expected: 'an integer', actual: 'string "ten"', hint: '' },
            line: 16,
            column: 3,
            endLine: 16,
            endColumn: 23,
          },
        ],
      },
    ],
  });
});
