import { describe } from 'vitest';
import rule from '../../rules/snapshot-source-missing/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { claim, doc, hpa, statefulSet, template } from '../helpers/storage-manifests.js';

/** A VolumeSnapshot of a claim: `persistentVolumeClaimName` on line 8 (9 with a namespace). */
const snapshot = (claimName: string, namespace = '') =>
  `apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: snap\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  volumeSnapshotClassName: csi\n  source:\n    persistentVolumeClaimName: ${claimName}\n`;
const snapshotOf = (claimName: string, line = 8) => ({ line, column: 5, endLine: line, endColumn: 32 + claimName.length });
const db = (replicas: string, spec = '') => statefulSet({ replicas, spec, templates: [template('data', 'fast')] });
const fromSnapshot = (name: string, field = 'dataSource') => `  ${field}: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: ${name}}\n`;

describe('snapshot-source-missing', () => {
  testRule(rule, {
    valid: [
      // Ordinal 2 of a 3-replica StatefulSet, in another file.
      { 'db.yaml': db('3'), 'snapshot.yaml': snapshot('data-db-2') },
      doc(claim('data'), snapshot('data')),
      // ordinals.start 1: ordinals 1 to 3.
      doc(db('3', '  ordinals: {start: 1}\n'), snapshot('data-db-3')),
      // An autoscaler's most replicas count: ordinal 4 of at most 5.
      doc(db('3'), hpa('db', 'db'), snapshot('data-db-4')),
      // A template named with a dash: data-x of StatefulSet db.
      doc(statefulSet({ templates: [template('data-x')] }), snapshot('data-x-db-0')),
      // A pre-provisioned snapshot names its VolumeSnapshotContent, not a claim.
      'apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: snap\nspec:\n  source:\n    volumeSnapshotContentName: content-1\n',
      doc(claim('restored', fromSnapshot('snap')), snapshot('data-db-0'), db('1')),
      // dataSourceRef repeating dataSource, and a claim cloned from a claim.
      doc(claim('restored', fromSnapshot('snap') + fromSnapshot('snap', 'dataSourceRef')), snapshot('data'), claim('data')),
      doc(claim('clone', '  dataSource: {kind: PersistentVolumeClaim, name: data}\n'), claim('data')),
      // A claim template restored from a snapshot of the inputs.
      doc(statefulSet({ templates: [template('data', 'fast', fromSnapshot('nightly').replace('  dataSource', '      dataSource'))] }), snapshot('data-db-0').replace('name: snap', 'name: nightly')),
      // Volume populators (other kinds and groups) are not checked.
      claim('restored', '  dataSourceRef: {apiGroup: populator.example.com, kind: Backup, name: b1}\n'),
      // A VolumeSnapshot of another API group.
      snapshot('nothing').replace('snapshot.storage.k8s.io/v1', 'example.com/v1'),
    ],
    invalid: [
      {
        // Ordinal 3 of a 3-replica StatefulSet: that claim is never created.
        code: { 'db.yaml': db('3'), 'snapshot.yaml': snapshot('data-db-3') },
        errors: [{ ...snapshotOf('data-db-3'), message: "VolumeSnapshot 'snap' snapshots PersistentVolumeClaim 'data-db-3', which StatefulSet 'db' never creates: it runs 3 replicas, ordinals 0 to 2, not ordinal 3: the snapshot is never taken" }],
      },
      {
        code: doc(db('0'), snapshot('data-db-0')),
        errors: [{ ...snapshotOf('data-db-0', 33), message: "it runs 0 replicas, no ordinal, not ordinal 0" }],
      },
      {
        code: snapshot('data-web-0'),
        errors: [{ ...snapshotOf('data-web-0'), message: "which is neither a PersistentVolumeClaim of the inputs in namespace 'default' nor a claim a StatefulSet of the inputs creates" }],
      },
      {
        // The StatefulSet runs in another namespace; a leading zero is not an ordinal.
        code: doc(db('3'), snapshot('data-db-1', 'backup'), snapshot('data-db-01')),
        errors: [snapshotOf('data-db-1', 34), { ...snapshotOf('data-db-01', 43), message: 'which is neither' }],
      },
      {
        code: claim('restored', fromSnapshot('snap')),
        errors: [{ line: 6, column: 73, endLine: 6, endColumn: 83, message: "PersistentVolumeClaim 'restored' is populated from VolumeSnapshot 'snap' (dataSource), which is not a VolumeSnapshot of the inputs in namespace 'default': no volume is provisioned and the claim stays Pending until the source exists" }],
      },
      {
        code: claim('clone', '  dataSourceRef: {kind: PersistentVolumeClaim, name: data}\n'),
        errors: [{ line: 6, column: 48, endLine: 6, endColumn: 58, message: "PersistentVolumeClaim 'clone' is populated from PersistentVolumeClaim 'data' (dataSourceRef), which is neither" }],
      },
      {
        code: statefulSet({ templates: [template('data', 'fast', fromSnapshot('nightly').replace('  dataSource', '      dataSource'))] }),
        errors: [{ line: 24, column: 77, endLine: 24, endColumn: 90, message: "Claim template 'data' of StatefulSet 'db' is populated from VolumeSnapshot 'nightly' (dataSource)" }],
      },
    ],
  });
});
