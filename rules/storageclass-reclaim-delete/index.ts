import { claimsDeclaredBy, type ClaimLike } from '../../src/k8s/claims.js';
import { replicaCount } from '../../src/k8s/replicas.js';
import { claimClassOf, storageClassFacts, storageClassOfClaim } from '../../src/k8s/storage.js';
import { defineRule } from '../../src/linter/rule.js';
import { claimName } from '../../src/plan/names.js';
import { isCount, isRecord } from '../../src/util/guards.js';
import type { ObjectPath, Resource } from '../../src/types.js';
import type { RuleContext } from '../../src/linter/rule.js';

const RETENTION: ObjectPath = ['spec', 'persistentVolumeClaimRetentionPolicy'];

export default defineRule({
  meta: {
    id: 'storageclass-reclaim-delete',
    severity: 'warning',
    description: 'Warn when a claim that will be deleted uses a StorageClass whose reclaimPolicy deletes the volume with it',
    kinds: ['apps/StatefulSet', 'PersistentVolumeClaim'],
    messages: {
      retention:
        "StatefulSet '{{name}}' deletes its claims {{when}} (persistentVolumeClaimRetentionPolicy.{{field}}: Delete), and its claims ({{claims}}) use {{storageClasses}}: deleting a claim destroys its PersistentVolume and the data on the disk, not only the claim; set {{field}}: Retain, or use a StorageClass with reclaimPolicy: Retain",
      claim:
        "PersistentVolumeClaim '{{name}}' uses {{storageClasses}}: deleting the claim (kubectl delete -f, helm uninstall, a GitOps prune) destroys its PersistentVolume and the data on the disk; use a StorageClass with reclaimPolicy: Retain, or protect the claim from deletion (helm.sh/resource-policy: keep)",
    },
  },
  check(resource, context) {
    if (resource.kind === 'PersistentVolumeClaim') return checkClaim(resource, context);
    const policy = isRecord(resource.object.spec) ? resource.object.spec.persistentVolumeClaimRetentionPolicy : undefined;
    if (!isRecord(policy)) return;
    const fields = (['whenDeleted', 'whenScaled'] as const).filter((field) => policy[field] === 'Delete');
    if (fields.length === 0) return;
    const deleting = claimsDeclaredBy(resource).flatMap((claim) => {
      const found = deletingClass(claim, context);
      return found ? [{ claim, ...found }] : [];
    });
    if (deleting.length === 0) return;
    const when = fields.length === 2 ? 'when it is deleted or scaled down' : fields[0] === 'whenDeleted' ? 'when it is deleted' : 'when it scales down';
    context.report({
      path: [...RETENTION, fields[0]],
      messageId: 'retention',
      data: {
        name: resource.name,
        when,
        field: fields[0],
        claims: deleting.map(({ claim }) => claimNames(resource, claim, context)).join(', '),
        storageClasses: describeClasses(deleting),
      },
    });
  },
});

function checkClaim(claim: Resource, context: RuleContext): void {
  if (isProtected(claim)) return;
  const [declared] = claimsDeclaredBy(claim);
  const found = declared && deletingClass(declared, context);
  if (!found) return;
  context.report({
    path: found.path,
    messageId: 'claim',
    data: { name: claim.name, storageClasses: describeClasses([found]) },
  });
}

/** The StorageClass in the inputs a claim gets, when its reclaimPolicy is Delete (written or defaulted). */
function deletingClass(claim: ClaimLike, context: RuleContext): { storageClass: Resource; viaDefault: boolean; path: ObjectPath } | undefined {
  const claimClass = claimClassOf(claim.claim, claim.path);
  const found = storageClassOfClaim(context.index, claimClass);
  if (!found || storageClassFacts(found.storageClass).reclaimPolicy !== 'Delete') return undefined;
  return { ...found, path: found.viaDefault ? [...claim.path, 'metadata', 'name'] : claimClass.path };
}

/** "StorageClass 'fast' (reclaimPolicy: Delete)", "StorageClass 'standard' (the default StorageClass; reclaimPolicy: Delete by default)". */
function describeClasses(found: { storageClass: Resource; viaDefault: boolean }[]): string {
  const seen = new Map(found.map(({ storageClass, viaDefault }) => [storageClass, viaDefault]));
  return [...seen]
    .map(([storageClass, viaDefault]) => {
      const policy = storageClass.object.reclaimPolicy === undefined ? 'reclaimPolicy: Delete by default' : 'reclaimPolicy: Delete';
      return `StorageClass '${storageClass.name}' (${viaDefault ? `the default StorageClass; ${policy}` : policy})`;
    })
    .join(' and ');
}

/** "data-db-0 to data-db-2": the claims of a template, named after the StatefulSet's ordinals (autoscaler range included). */
function claimNames(statefulSet: Resource, claim: ClaimLike, context: RuleContext): string {
  const count = replicaCount(statefulSet, context.index);
  const start = statefulSet.object.spec?.ordinals?.start ?? 0;
  const name = (ordinal: number) => claimName(claim.name, statefulSet.name, ordinal);
  if (!count || !isCount(start) || count.max === 0) return `${claim.name}-${statefulSet.name}-<ordinal>`;
  return count.max === 1 ? name(start) : `${name(start)} to ${name(start + count.max - 1)}`;
}

/**
 * A claim that the tools that delete manifests leave in place: Helm's `helm.sh/resource-policy` (any value but
 * "delete" keeps it on uninstall), Argo CD's `argocd.argoproj.io/sync-options` with Delete=false or Prune=false,
 * Flux's `kustomize.toolkit.fluxcd.io/prune: disabled`.
 */
function isProtected(claim: Resource): boolean {
  const annotations = claim.object.metadata?.annotations;
  if (!isRecord(annotations)) return false;
  const helm = annotations['helm.sh/resource-policy'];
  const argo = annotations['argocd.argoproj.io/sync-options'];
  const argoOptions = typeof argo === 'string' ? argo.split(',').map((option) => option.trim()) : [];
  return (
    (typeof helm === 'string' && helm !== 'delete') ||
    argoOptions.includes('Delete=false') ||
    argoOptions.includes('Prune=false') ||
    annotations['kustomize.toolkit.fluxcd.io/prune'] === 'disabled'
  );
}
