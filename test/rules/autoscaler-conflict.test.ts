import { describe, expect, it } from 'vitest';
import rule from '../../rules/autoscaler-conflict/index.js';
import { lintSources } from '../../src/lint.js';
import { testRule } from '../helpers/rule-tester.js';
import { doc, hpa, scaledObject } from '../helpers/storage-manifests.js';

/** `name: db` of scaleTargetRef in an HPA starting on `line` (its 9th line). */
const hpaTarget = (line: number) => ({ line: line + 8, column: 5, endLine: line + 8, endColumn: 13 });

const ownedHpa = (metadata: string) =>
  hpa('keda-hpa-db', 'db').replace('  name: keda-hpa-db\n', `  name: keda-hpa-db\n${metadata}`);

describe('autoscaler-conflict', () => {
  testRule(rule, {
    valid: [
      doc(hpa('db', 'db'), hpa('cache', 'cache')),
      // Same name, another kind or another namespace.
      doc(hpa('db', 'db'), hpa('db-web', 'db', '  maxReplicas: 5\n', 'Deployment')),
      doc(hpa('db', 'db'), hpa('db', 'db').replace('  name: db\nspec', '  name: db\n  namespace: other\nspec')),
      // The HPA KEDA made for the ScaledObject (owner reference, or KEDA's label in exported cluster state).
      doc(scaledObject('db', 'db'), ownedHpa('  ownerReferences:\n  - {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: db, uid: 1a}\n')),
      doc(scaledObject('db', 'db'), ownedHpa('  labels: {scaledobject.keda.sh/name: db}\n')),
      // A ScaledObject taking an existing HPA over, as KEDA allows.
      doc(
        scaledObject('db', 'db', '  advanced: {horizontalPodAutoscalerConfig: {name: db}}\n', 'StatefulSet', '  annotations: {scaledobject.keda.sh/transfer-hpa-ownership: "true"}\n'),
        hpa('db', 'db'),
      ),
      // Objects with a scaleTargetRef that are not autoscalers.
      doc(hpa('db', 'db'), hpa('db2', 'db').replace('autoscaling/v2', 'example.com/v1')),
    ],
    invalid: [
      {
        code: doc(hpa('a', 'db'), hpa('b', 'db')),
        errors: [{ ...hpaTarget(12), message: "HorizontalPodAutoscaler 'b' scales StatefulSet 'db', which HorizontalPodAutoscaler 'a' also scales: each autoscaler sets spec.replicas to its own recommendation in turn" }],
      },
      {
        // Across files: a ScaledObject and a hand-written HPA.
        code: { 'keda.yaml': scaledObject('db', 'db'), 'hpa.yaml': hpa('db', 'db') },
        errors: [{ ...hpaTarget(1), message: "HorizontalPodAutoscaler 'db' scales StatefulSet 'db', which ScaledObject 'db' also scales" }],
      },
      {
        // Two ScaledObjects: the second one's target, scaleTargetRef.name on its 8th line. The default kind is Deployment.
        code: doc(scaledObject('a', 'web', '', 'Deployment'), scaledObject('b', 'web').replace('    kind: StatefulSet\n', '')),
        errors: [{ line: 19, column: 5, endLine: 19, endColumn: 14, message: "ScaledObject 'b' scales Deployment 'web', which ScaledObject 'a' also scales" }],
      },
      {
        // The transfer annotation names another HPA: 'db' stays a rival.
        code: doc(
          scaledObject('so', 'db', '  advanced: {horizontalPodAutoscalerConfig: {name: other}}\n', 'StatefulSet', '  annotations: {scaledobject.keda.sh/transfer-hpa-ownership: "true"}\n'),
          hpa('db', 'db'),
        ),
        errors: [{ ...hpaTarget(15), message: "which ScaledObject 'so' also scales" }],
      },
      {
        code: doc(hpa('a', 'db'), hpa('b', 'db'), hpa('c', 'db')),
        errors: [
          { ...hpaTarget(12), message: "HorizontalPodAutoscaler 'b' scales StatefulSet 'db', which HorizontalPodAutoscaler 'a' and HorizontalPodAutoscaler 'c' also scale" },
          { ...hpaTarget(23), message: "HorizontalPodAutoscaler 'c' scales StatefulSet 'db', which HorizontalPodAutoscaler 'a' and HorizontalPodAutoscaler 'b' also scale" },
        ],
      },
    ],
  });

  it('reports the first autoscaler when the other one is only --context', () => {
    const run = lintSources(
      [
        { path: 'hpa.yaml', text: hpa('db', 'db') },
        { path: 'keda.yaml', text: scaledObject('db', 'db'), contextOnly: true },
      ],
      { registry: [rule] },
    );
    const messages = run.results.flatMap((result) => result.messages.map((message) => ({ file: result.filePath, ...message })));
    expect(messages.map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      { file: 'hpa.yaml', line: 9, column: 5, message: expect.stringContaining("which ScaledObject 'db' also scales") },
    ]);
  });
});
