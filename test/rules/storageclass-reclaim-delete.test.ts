import { describe } from 'vitest';
import rule from '../../rules/storageclass-reclaim-delete/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { claim, doc, hpa, statefulSet, storageClass, template } from '../helpers/storage-manifests.js';

const retention = (policy: string) => `  persistentVolumeClaimRetentionPolicy:\n${policy}`;
const whenDeleted = retention('    whenDeleted: Delete\n');
/** `whenDeleted: Delete` of statefulSet({ spec: whenDeleted }), without `replicas:`: line 18. */
const whenDeletedAt = { line: 18, column: 5, endLine: 18, endColumn: 24 };
const annotated = (annotation: string) => claim('data', '  storageClassName: standard\n', `  annotations: {${annotation}}\n`);

describe('storageclass-reclaim-delete', () => {
  testRule(rule, {
    valid: [
      // Retention Retain (the default): deleting the StatefulSet keeps the claims, and their disks.
      doc(statefulSet({ templates: [template('data', 'standard')] }), storageClass('standard')),
      doc(statefulSet({ spec: retention('    whenDeleted: Retain\n    whenScaled: Retain\n'), templates: [template('data', 'standard')] }), storageClass('standard')),
      // The class keeps the volume.
      doc(statefulSet({ spec: whenDeleted, templates: [template('data', 'standard')] }), storageClass('standard', 'reclaimPolicy: Retain\n')),
      // The class is not in the inputs, or the claim has none.
      statefulSet({ spec: whenDeleted, templates: [template('data', 'standard')] }),
      doc(statefulSet({ spec: whenDeleted, templates: [template('data', '""')] }), storageClass('standard', '', true)),
      // Claims protected from deletion by Helm, Argo CD or Flux.
      doc(annotated('helm.sh/resource-policy: keep'), storageClass('standard')),
      doc(annotated('argocd.argoproj.io/sync-options: "Prune=false,Delete=false"'), storageClass('standard')),
      doc(annotated('argocd.argoproj.io/sync-options: "Delete=false"'), storageClass('standard')),
      doc(annotated('kustomize.toolkit.fluxcd.io/prune: disabled'), storageClass('standard')),
      doc(claim('data', '  storageClassName: standard\n'), storageClass('standard', 'reclaimPolicy: Retain\n')),
    ],
    invalid: [
      {
        code: { 'db.yaml': statefulSet({ spec: whenDeleted, templates: [template('data', 'standard')] }), 'classes.yaml': storageClass('standard') },
        errors: [{ ...whenDeletedAt, message: "StatefulSet 'db' deletes its claims when it is deleted (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and its claims (data-db-0) use StorageClass 'standard' (reclaimPolicy: Delete by default): deleting a claim destroys its PersistentVolume and the data on the disk, not only the claim; set whenDeleted: Retain" }],
      },
      {
        // whenScaled, the default class, and the autoscaler's most replicas name the claims.
        code: doc(
          statefulSet({ replicas: '3', spec: retention('    whenScaled: Delete\n'), templates: [template('data')] }),
          storageClass('gp3', 'reclaimPolicy: Delete\n', true),
          hpa('db', 'db'),
        ),
        errors: [{ line: 19, column: 5, endLine: 19, endColumn: 23, message: "deletes its claims when it scales down (persistentVolumeClaimRetentionPolicy.whenScaled: Delete), and its claims (data-db-0 to data-db-4) use StorageClass 'gp3' (the default StorageClass; reclaimPolicy: Delete)" }],
      },
      {
        code: doc(
          statefulSet({ replicas: '2', spec: retention('    whenDeleted: Delete\n    whenScaled: Delete\n'), templates: [template('data', 'a'), template('logs', 'b'), template('tmp', 'c')] }),
          storageClass('a'),
          storageClass('b', 'reclaimPolicy: Retain\n'),
          storageClass('c', 'reclaimPolicy: Delete\n'),
        ),
        errors: [{ line: 19, column: 5, endLine: 19, endColumn: 24, message: "deletes its claims when it is deleted or scaled down (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and its claims (data-db-0 to data-db-1, tmp-db-0 to tmp-db-1) use StorageClass 'a' (reclaimPolicy: Delete by default) and StorageClass 'c' (reclaimPolicy: Delete)" }],
      },
      {
        code: doc(claim('data', '  storageClassName: standard\n'), storageClass('standard')),
        errors: [{ line: 6, column: 3, endLine: 6, endColumn: 29, message: "PersistentVolumeClaim 'data' uses StorageClass 'standard' (reclaimPolicy: Delete by default): deleting the claim (kubectl delete -f, helm uninstall, a GitOps prune) destroys its PersistentVolume and the data on the disk" }],
      },
      {
        // No class written: the default StorageClass; the finding is on the claim's name.
        code: doc(claim('data'), storageClass('standard', '', true)),
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 13, message: "uses StorageClass 'standard' (the default StorageClass; reclaimPolicy: Delete by default)" }],
      },
      {
        // helm.sh/resource-policy: delete is Helm's default behaviour; Argo CD's Validate=false protects nothing.
        code: doc(annotated('helm.sh/resource-policy: delete, argocd.argoproj.io/sync-options: Validate=false'), storageClass('standard')),
        errors: [{ line: 7, column: 3, endLine: 7, endColumn: 29 }],
      },
    ],
  });
});
