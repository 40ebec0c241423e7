import { describe, expect, it } from 'vitest';
import rule from '../../rules/autoscaler-conflict/index.js';
import { lintSources } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { documents, hpa, scaledObject, type ObjectOptions, type ScaleTarget } from '../helpers/manifests.js';

const db: ScaleTarget = { kind: 'StatefulSet', name: 'db' };
/** A HorizontalPodAutoscaler `name` of the StatefulSet 'db' (10 lines; scaleTargetRef.name on its line 9). */
const dbHpa = (name: string, options: ObjectOptions & { target?: ScaleTarget } = {}) => hpa({ name, target: db, ...options });
/** A ScaledObject `name` of the StatefulSet 'db' (15 lines; scaleTargetRef.name on its line 8). */
const dbScaledObject = (name: string, options: ObjectOptions & { target?: ScaleTarget } = {}) => scaledObject({ name, target: db, ...options });
/** The HPA KEDA made for the ScaledObject 'db', told by `metadata`. */
const kedaHpa = (metadata: Record<string, unknown>) => dbHpa('keda-hpa-db', { metadata });
/** A ScaledObject that takes the HPA `hpaName` over. */
const takingOver = (name: string, hpaName: string) =>
  dbScaledObject(name, {
    metadata: { annotations: { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' } },
    spec: { advanced: { horizontalPodAutoscalerConfig: { name: hpaName } } },
  });

/** `name: db` of scaleTargetRef in an HPA whose first line is `line`. */
const hpaTarget = (line: number) => ({ line: line + 8, column: 5, endLine: line + 8, endColumn: 13 });
const conflict = (kind: string, name: string, others: string, verb = 'scales', target = "StatefulSet 'db'") => ({
  messageId: 'conflict' as const,
  data: { kind, name, target, others, verb },
});

new RuleTester().run('autoscaler-conflict', rule, {
  valid: [
    documents(dbHpa('db'), hpa({ name: 'cache', target: { kind: 'StatefulSet', name: 'cache' } })),
    // Same name, another kind or another namespace.
    documents(dbHpa('db'), dbHpa('db-web', { target: { kind: 'Deployment', name: 'db' } })),
    documents(dbHpa('db'), dbHpa('db', { namespace: 'other' })),
    // The HPA KEDA made for the ScaledObject (owner reference, or KEDA's label in exported cluster state).
    documents(dbScaledObject('db'), kedaHpa({ ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'db', uid: '1a' }] })),
    documents(dbScaledObject('db'), kedaHpa({ labels: { 'scaledobject.keda.sh/name': 'db' } })),
    // A ScaledObject taking an existing HPA over, as KEDA allows.
    documents(takingOver('db', 'db'), dbHpa('db')),
    // Objects with a scaleTargetRef that are not autoscalers.
    documents(dbHpa('db'), dbHpa('db2', { apiVersion: 'example.com/v1' })),
  ],
  invalid: [
    {
      code: documents(dbHpa('a'), dbHpa('b')),
      errors: [
        {
          messageId: 'conflict',
          message:
            "HorizontalPodAutoscaler 'b' scales StatefulSet 'db', which HorizontalPodAutoscaler 'a' also scales: each autoscaler sets spec.replicas to its own recommendation in turn, so the replica count flaps; keep one autoscaler for the workload",
          severity: 'error',
          ...hpaTarget(12),
        },
      ],
    },
    {
      // Across files: a ScaledObject and a hand-written HPA.
      code: { 'keda.yaml': dbScaledObject('db'), 'hpa.yaml': dbHpa('db') },
      errors: [{ file: 'hpa.yaml', ...conflict('HorizontalPodAutoscaler', 'db', "ScaledObject 'db'"), ...hpaTarget(1) }],
    },
    {
      // Two ScaledObjects: the second one's target, scaleTargetRef.name on its 7th line (no kind: Deployment, KEDA's default).
      code: documents(scaledObject({ name: 'a', target: { kind: 'Deployment', name: 'web' } }), scaledObject({ name: 'b', target: { name: 'web' } })),
      errors: [{ ...conflict('ScaledObject', 'b', "ScaledObject 'a'", 'scales', "Deployment 'web'"), line: 23, column: 5, endLine: 23, endColumn: 14 }],
    },
    {
      // The transfer annotation names another HPA: 'db' stays a rival (the ScaledObject is 20 lines).
      code: documents(takingOver('so', 'other'), dbHpa('db')),
      errors: [{ ...conflict('HorizontalPodAutoscaler', 'db', "ScaledObject 'so'"), ...hpaTarget(22) }],
    },
    {
      code: documents(dbHpa('a'), dbHpa('b'), dbHpa('c')),
      errors: [
        { ...conflict('HorizontalPodAutoscaler', 'b', "HorizontalPodAutoscaler 'a' and HorizontalPodAutoscaler 'c'", 'scale'), ...hpaTarget(12) },
        { ...conflict('HorizontalPodAutoscaler', 'c', "HorizontalPodAutoscaler 'a' and HorizontalPodAutoscaler 'b'", 'scale'), ...hpaTarget(23) },
      ],
    },
  ],
});

describe('autoscaler-conflict with --context files', () => {
  it('reports the first autoscaler when the other one is only --context', () => {
    const run = lintSources(
      [
        { path: 'hpa.yaml', text: dbHpa('db') },
        { path: 'keda.yaml', text: dbScaledObject('db'), contextOnly: true },
      ],
      { registry: [rule] },
    );
    expect(run.findings.map(({ file, line, column, endLine, endColumn, messageId, message }) => ({ file, line, column, endLine, endColumn, messageId, message }))).toEqual([
      { file: 'hpa.yaml', ...hpaTarget(1), messageId: 'conflict', message: expect.stringContaining("HorizontalPodAutoscaler 'db' scales StatefulSet 'db', which ScaledObject 'db' also scales:") },
    ]);
  });
});
