import { describe, expect, it } from 'vitest';
import rule from '../../rules/storageclass-missing/index.js';
import { lintSources } from '../../src/lint.js';
import { testRule } from '../helpers/rule-tester.js';
import { claim, doc, statefulSet, storageClass, template } from '../helpers/storage-manifests.js';

/** A PersistentVolume without a class: 20Gi, ReadWriteOnce; `spec` lines are added (indented by 2). */
const volume = (name: string, spec = '') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\n  labels: {disk: ssd}\nspec:\n  capacity: {storage: 20Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /data}\n${spec}`;

const noClass = claim('data', '  storageClassName: ""\n');
/** `storageClassName: ""` of noClass, line 6. */
const noClassAt = { line: 6, column: 3, endLine: 6, endColumn: 23 };
/** storageClassName of the first template of statefulSet({ templates }), line 21. */
const templateClass = (endColumn: number) => ({ line: 21, column: 7, endLine: 21, endColumn });

describe('storageclass-missing', () => {
  testRule(rule, {
    valid: [
      { 'db.yaml': statefulSet({ templates: [template('data', 'fast')] }), 'classes.yaml': storageClass('fast') },
      // No storageClassName: the cluster's default class, declared or not.
      statefulSet({ templates: [template('data')] }),
      doc(statefulSet({ templates: [template('data')] }), storageClass('fast')),
      // A named class when the inputs declare no StorageClass: the classes live in the cluster.
      statefulSet({ templates: [template('data', 'fast')] }),
      // "" with a PersistentVolume it can bind to: free, large enough, same access modes.
      doc(noClass, volume('pv-1')),
      // ... reserved for it by claimRef, or named by spec.volumeName, or selected by its labels.
      doc(noClass, volume('pv-1', '  claimRef: {namespace: default, name: data}\n')),
      doc(claim('data', '  storageClassName: ""\n  volumeName: pv-2\n'), volume('pv-1'), volume('pv-2')),
      doc(claim('data', '  storageClassName: ""\n  selector: {matchLabels: {disk: ssd}}\n'), volume('pv-1')),
      // A claim template's claims: claimRef naming one of them.
      doc(statefulSet({ templates: [template('data', '""')] }), volume('pv-1', '  claimRef: {namespace: default, name: data-db-1}\n')),
    ],
    invalid: [
      {
        code: { 'db.yaml': statefulSet({ templates: [template('data', 'fsat')] }), 'classes.yaml': doc(storageClass('fast'), storageClass('slow')) },
        errors: [{ ...templateClass(29), message: "Claim template 'data' of StatefulSet 'db' names StorageClass 'fsat', which no StorageClass in the inputs declares (it declares 'fast', 'slow'): no volume is provisioned and the claim stays Pending until a class of that name exists; did you mean 'fast'?" }],
      },
      {
        // The beta annotation wins over storageClassName, and is where the finding points.
        code: doc(claim('data', '  storageClassName: fast\n', '  annotations: {volume.beta.kubernetes.io/storage-class: gold}\n'), storageClass('fast')),
        errors: [{ line: 5, column: 17, endLine: 5, endColumn: 62, message: "PersistentVolumeClaim 'data' names StorageClass 'gold', which no StorageClass in the inputs declares (it declares 'fast'): no volume is provisioned and the claim stays Pending until a class of that name exists" }],
      },
      {
        code: noClass,
        errors: [{ ...noClassAt, message: `PersistentVolumeClaim 'data' sets storageClassName: "" (no class), so only a PersistentVolume without a class can be bound to it, and no such PersistentVolume in the inputs fits it` }],
      },
      {
        // Too small, reserved for another claim, of another class, block mode, missing the access mode.
        code: doc(
          claim('data', '  storageClassName: ""\n').replace('storage: 10Gi', 'storage: 30Gi'),
          volume('pv-1'),
          volume('pv-2', '  claimRef: {namespace: default, name: other}\n  capacity: {storage: 50Gi}\n').replace('  capacity: {storage: 20Gi}\n', ''),
          volume('pv-3', '  storageClassName: fast\n').replace('20Gi', '50Gi'),
          volume('pv-4', '  volumeMode: Block\n').replace('20Gi', '50Gi'),
          volume('pv-5').replace('20Gi', '50Gi').replace('[ReadWriteOnce]', '[ReadOnlyMany]'),
        ),
        errors: [noClassAt],
      },
      {
        code: doc(claim('data', '  storageClassName: ""\n  volumeName: pv-9\n'), volume('pv-1')),
        errors: [{ ...noClassAt, message: "large enough, same volume mode and access modes, named by spec.volumeName 'pv-9')" }],
      },
      {
        code: doc(claim('data', '  storageClassName: ""\n  selector: {matchLabels: {disk: hdd}}\n'), volume('pv-1')),
        errors: [noClassAt],
      },
    ],
  });

  it('finds StorageClasses in --context files', () => {
    const run = lintSources(
      [
        { path: 'db.yaml', text: statefulSet({ templates: [template('data', 'fast'), template('logs', 'slow')] }) },
        { path: 'classes.yaml', text: storageClass('fast'), contextOnly: true },
      ],
      { registry: [rule] },
    );
    const messages = run.results.flatMap((result) => result.messages);
    expect(messages.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 27, column: 7, message: expect.stringContaining("names StorageClass 'slow'") },
    ]);
  });
});
