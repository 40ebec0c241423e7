import rule from '../../rules/snapshot-source-missing/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, claimTemplate, documents, hpa, statefulSet } from '../helpers/manifests.js';

/** A VolumeSnapshot (default 'snap') of a claim: `persistentVolumeClaimName` on line 8 (9 with a namespace). */
const snapshot = (claimName: string, options: { name?: string; namespace?: string } = {}) =>
  `apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: ${options.name ?? 'snap'}\n${options.namespace ? `  namespace: ${options.namespace}\n` : ''}spec:\n  volumeSnapshotClassName: csi\n  source:\n    persistentVolumeClaimName: ${claimName}\n`;
const snapshotOf = (claimName: string, line = 8) => ({ line, column: 5, endLine: line, endColumn: 32 + claimName.length });
/** The StatefulSet 'db' with the claim template 'data' (28 lines with `replicas`). */
const db = (replicas?: unknown, spec: Record<string, unknown> = {}) =>
  statefulSet({ name: 'db', replicas, spec: { ...spec, volumeClaimTemplates: [claimTemplate({ storageClassName: 'fast' })] } });
const fromSnapshot = (name: string, field = 'dataSource') => ({ [field]: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name } });
/** The StatefulSet 'db' whose claim template 'data' is restored from the VolumeSnapshot 'nightly'. */
const restoredDb = statefulSet({ name: 'db', spec: { volumeClaimTemplates: [claimTemplate({ storageClassName: 'fast', spec: fromSnapshot('nightly') })] } });

const snapshotSource = (claim: string, missing: string) => ({ messageId: 'snapshotSource' as const, data: { name: 'snap', claim, missing } });
const neither = (namespace = 'default') =>
  `which is neither a PersistentVolumeClaim of the inputs in namespace '${namespace}' nor a claim a StatefulSet of the inputs creates`;

new RuleTester().run('snapshot-source-missing', rule, {
  valid: [
    // Ordinal 2 of a 3-replica StatefulSet, in another file.
    { code: { 'db.yaml': db(3), 'snapshot.yaml': snapshot('data-db-2') } },
    documents(claim(), snapshot('data')),
    // ordinals.start 1: ordinals 1 to 3.
    documents(db(3, { ordinals: { start: 1 } }), snapshot('data-db-3')),
    // An autoscaler's most replicas count: ordinal 4 of at most 5.
    documents(db(3), hpa({ name: 'db', target: { kind: 'StatefulSet', name: 'db' }, spec: { maxReplicas: 5 } }), snapshot('data-db-4')),
    // A template named with a dash: data-x of StatefulSet db.
    documents(statefulSet({ name: 'db', spec: { volumeClaimTemplates: [claimTemplate({ name: 'data-x' })] } }), snapshot('data-x-db-0')),
    // A pre-provisioned snapshot names its VolumeSnapshotContent, not a claim.
    'apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: snap\nspec:\n  source:\n    volumeSnapshotContentName: content-1\n',
    documents(claim({ name: 'restored', spec: fromSnapshot('snap') }), snapshot('data-db-0'), db(1)),
    // dataSourceRef repeating dataSource, and a claim cloned from a claim.
    documents(claim({ name: 'restored', spec: { ...fromSnapshot('snap'), ...fromSnapshot('snap', 'dataSourceRef') } }), snapshot('data'), claim()),
    documents(claim({ name: 'clone', spec: { dataSource: { kind: 'PersistentVolumeClaim', name: 'data' } } }), claim()),
    // A claim template restored from a snapshot of the inputs.
    documents(restoredDb, snapshot('data-db-0', { name: 'nightly' })),
    // Volume populators (other kinds and groups) are not checked.
    claim({ name: 'restored', spec: { dataSourceRef: { apiGroup: 'populator.example.com', kind: 'Backup', name: 'b1' } } }),
    // A VolumeSnapshot of another API group.
    snapshot('nothing').replace('snapshot.storage.k8s.io/v1', 'example.com/v1'),
  ],
  invalid: [
    {
      // Ordinal 3 of a 3-replica StatefulSet: that claim is never created.
      code: { 'db.yaml': db(3), 'snapshot.yaml': snapshot('data-db-3') },
      errors: [
        {
          file: 'snapshot.yaml',
          messageId: 'snapshotSource',
          message:
            "VolumeSnapshot 'snap' snapshots PersistentVolumeClaim 'data-db-3', which StatefulSet 'db' never creates: it runs 3 replicas, ordinals 0 to 2, not ordinal 3: the snapshot is never taken and never becomes ready to use; name an existing claim",
          severity: 'warning',
          ...snapshotOf('data-db-3'),
        },
      ],
    },
    {
      code: documents(db(0), snapshot('data-db-0')),
      errors: [{ ...snapshotSource('data-db-0', "which StatefulSet 'db' never creates: it runs 0 replicas, no ordinal, not ordinal 0"), ...snapshotOf('data-db-0', 37) }],
    },
    {
      code: snapshot('data-web-0'),
      errors: [{ ...snapshotSource('data-web-0', neither()), ...snapshotOf('data-web-0') }],
    },
    {
      // The StatefulSet runs in another namespace; a leading zero is not an ordinal.
      code: documents(db(3), snapshot('data-db-1', { namespace: 'backup' }), snapshot('data-db-01')),
      errors: [
        { ...snapshotSource('data-db-1', neither('backup')), ...snapshotOf('data-db-1', 38) },
        { ...snapshotSource('data-db-01', neither()), ...snapshotOf('data-db-01', 47) },
      ],
    },
    {
      code: claim({ name: 'restored', spec: fromSnapshot('snap') }),
      errors: [
        {
          messageId: 'claimSource',
          message:
            "PersistentVolumeClaim 'restored' is populated from VolumeSnapshot 'snap' (dataSource), which is not a VolumeSnapshot of the inputs in namespace 'default': no volume is provisioned and the claim stays Pending until the source exists",
          line: 14,
          column: 5,
          endLine: 14,
          endColumn: 15,
        },
      ],
    },
    {
      code: claim({ name: 'clone', spec: { dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'data' } } }),
      errors: [
        {
          messageId: 'claimSource',
          data: { subject: "PersistentVolumeClaim 'clone'", kind: 'PersistentVolumeClaim', source: 'data', field: 'dataSourceRef', missing: neither() },
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 15,
        },
      ],
    },
    {
      code: restoredDb,
      errors: [
        {
          messageId: 'claimSource',
          data: {
            subject: "Claim template 'data' of StatefulSet 'db'",
            kind: 'VolumeSnapshot',
            source: 'nightly',
            field: 'dataSource',
            missing: "which is not a VolumeSnapshot of the inputs in namespace 'default'",
          },
          line: 31,
          column: 11,
          endLine: 31,
          endColumn: 24,
        },
      ],
    },
  ],
});
