import rule from '../../rules/storageclass-reclaim-delete/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { claim, claimTemplate, documents, hpa, statefulSet, storageClass } from '../helpers/manifests.js';

/**
 * The StatefulSet 'db' with this persistentVolumeClaimRetentionPolicy (from line 18, or 19 with `replicas`) and claim
 * templates data, logs, tmp of these classes (undefined: none written).
 */
const db = (policy: Record<string, string> | undefined, classes: (string | undefined)[], replicas?: number) =>
  statefulSet({
    name: 'db',
    replicas,
    spec: {
      persistentVolumeClaimRetentionPolicy: policy,
      volumeClaimTemplates: classes.map((storageClassName, i) => claimTemplate({ name: ['data', 'logs', 'tmp'][i], storageClassName })),
    },
  });
const whenDeleted = { whenDeleted: 'Delete' };
/** `whenDeleted: Delete` of db(whenDeleted, ...) without replicas: line 19. */
const whenDeletedAt = { line: 19, column: 5, endLine: 19, endColumn: 24 };
const standard = storageClass();
/** The claim 'data' of the StorageClass 'standard' with these annotations (storageClassName on line 6, or 5 + the annotations + 2). */
const annotated = (annotations?: Record<string, string>) => claim({ storageClassName: 'standard', metadata: { annotations } });
const deleteByDefault = (name: string) => `StorageClass '${name}' (reclaimPolicy: Delete by default)`;

new RuleTester().run('storageclass-reclaim-delete', rule, {
  valid: [
    // Retention Retain (the default): deleting the StatefulSet keeps the claims, and their disks.
    documents(db(undefined, ['standard']), standard),
    documents(db({ whenDeleted: 'Retain', whenScaled: 'Retain' }, ['standard']), standard),
    // The class keeps the volume.
    documents(db(whenDeleted, ['standard']), storageClass({ fields: { reclaimPolicy: 'Retain' } })),
    // The class is not in the inputs, or the claim has none.
    db(whenDeleted, ['standard']),
    documents(db(whenDeleted, ['']), storageClass({ isDefault: true })),
    // Claims protected from deletion by Helm, Argo CD or Flux.
    documents(annotated({ 'helm.sh/resource-policy': 'keep' }), standard),
    documents(annotated({ 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' }), standard),
    documents(annotated({ 'argocd.argoproj.io/sync-options': 'Delete=false' }), standard),
    documents(annotated({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' }), standard),
    documents(annotated(), storageClass({ fields: { reclaimPolicy: 'Retain' } })),
  ],
  invalid: [
    {
      code: { 'db.yaml': db(whenDeleted, ['standard']), 'classes.yaml': standard },
      errors: [
        {
          file: 'db.yaml',
          messageId: 'retention',
          message:
            "StatefulSet 'db' deletes its claims when it is deleted (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete), and its claims (data-db-0) use StorageClass 'standard' (reclaimPolicy: Delete by default): deleting a claim destroys its PersistentVolume and the data on the disk, not only the claim; set whenDeleted: Retain, or use a StorageClass with reclaimPolicy: Retain",
          severity: 'warning',
          ...whenDeletedAt,
        },
      ],
    },
    {
      // whenScaled, the default class, and the autoscaler's most replicas (4, not 3) name the claims.
      code: documents(
        db({ whenScaled: 'Delete' }, [undefined], 3),
        storageClass({ name: 'gp3', isDefault: true, fields: { reclaimPolicy: 'Delete' } }),
        hpa({ name: 'db', target: { kind: 'StatefulSet', name: 'db' } }),
      ),
      errors: [
        {
          messageId: 'retention',
          data: {
            name: 'db',
            when: 'when it scales down',
            field: 'whenScaled',
            claims: 'data-db-0 to data-db-3',
            storageClasses: "StorageClass 'gp3' (the default StorageClass; reclaimPolicy: Delete)",
          },
          line: 20,
          column: 5,
          endLine: 20,
          endColumn: 23,
        },
      ],
    },
    {
      // Of three templates, those whose class deletes: 'a' by default, 'c' written ('b' retains).
      code: documents(
        db({ whenDeleted: 'Delete', whenScaled: 'Delete' }, ['a', 'b', 'c'], 2),
        storageClass({ name: 'a' }),
        storageClass({ name: 'b', fields: { reclaimPolicy: 'Retain' } }),
        storageClass({ name: 'c', fields: { reclaimPolicy: 'Delete' } }),
      ),
      errors: [
        {
          messageId: 'retention',
          data: {
            name: 'db',
            when: 'when it is deleted or scaled down',
            field: 'whenDeleted',
            claims: 'data-db-0 to data-db-1, tmp-db-0 to tmp-db-1',
            storageClasses: `${deleteByDefault('a')} and StorageClass 'c' (reclaimPolicy: Delete)`,
          },
          line: 20,
          column: 5,
          endLine: 20,
          endColumn: 24,
        },
      ],
    },
    {
      code: documents(annotated(), standard),
      errors: [
        {
          messageId: 'claim',
          message:
            "PersistentVolumeClaim 'data' uses StorageClass 'standard' (reclaimPolicy: Delete by default): deleting the claim (kubectl delete -f, helm uninstall, a GitOps prune) destroys its PersistentVolume and the data on the disk; use a StorageClass with reclaimPolicy: Retain, or protect the claim from deletion (helm.sh/resource-policy: keep)",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
    {
      // No class written: the default StorageClass; the finding is on the claim's name.
      code: documents(claim(), storageClass({ isDefault: true })),
      errors: [
        {
          messageId: 'claim',
          data: { name: 'data', storageClasses: "StorageClass 'standard' (the default StorageClass; reclaimPolicy: Delete by default)" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
        },
      ],
    },
    {
      // helm.sh/resource-policy: delete is Helm's default behaviour; Argo CD's Validate=false protects nothing.
      code: documents(annotated({ 'helm.sh/resource-policy': 'delete', 'argocd.argoproj.io/sync-options': 'Validate=false' }), standard),
      errors: [{ messageId: 'claim', data: { name: 'data', storageClasses: deleteByDefault('standard') }, line: 9, column: 3, endLine: 9, endColumn: 29 }],
    },
  ],
});
