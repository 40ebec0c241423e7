import { claimsDeclaredBy, claimTemplatesGenerating } from '../../src/k8s/claims.js';
import { describeReplicas } from '../../src/k8s/replicas.js';
import { defineRule } from '../../src/linter/rule.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath, Resource } from '../../src/types.js';
import type { RuleContext } from '../../src/linter/rule.js';

const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

export default defineRule({
  meta: {
    id: 'snapshot-source-missing',
    severity: 'warning',
    description: 'Warn when a VolumeSnapshot or a claim data source names a claim or snapshot that neither the inputs nor a StatefulSet of the inputs creates',
    kinds: [`${SNAPSHOT_GROUP}/VolumeSnapshot`, 'PersistentVolumeClaim', 'apps/StatefulSet'],
    messages: {
      snapshotSource:
        "VolumeSnapshot '{{name}}' snapshots PersistentVolumeClaim '{{claim}}', {{missing}}: the snapshot is never taken and never becomes ready to use; name an existing claim",
      claimSource:
        "{{subject}} is populated from {{kind}} '{{source}}' ({{field}}), {{missing}}: no volume is provisioned and the claim stays Pending until the source exists",
    },
  },
  check(resource, context) {
    if (resource.kind === 'VolumeSnapshot') {
      const source = isRecord(resource.object.spec) ? resource.object.spec.source : undefined;
      const claim = isRecord(source) ? source.persistentVolumeClaimName : undefined;
      if (typeof claim !== 'string' || claim === '') return; // a pre-provisioned snapshot names its content instead
      const missing = missingClaim(context, resource.namespace, claim);
      if (missing) {
        context.report({ path: ['spec', 'source', 'persistentVolumeClaimName'], messageId: 'snapshotSource', data: { name: resource.name, claim, missing } });
      }
      return;
    }
    for (const { spec, path, subject } of claimsDeclaredBy(resource)) {
      for (const source of dataSourcesOf(spec, [...path, 'spec'], resource.namespace)) {
        const missing = source.kind === 'PersistentVolumeClaim' ? missingClaim(context, source.namespace, source.name) : missingSnapshot(context, source.namespace, source.name);
        if (!missing) continue;
        context.report({
          path: [...source.path, 'name'],
          messageId: 'claimSource',
          data: { subject, kind: source.kind, source: source.name, field: String(source.path.at(-1)), missing },
        });
      }
    }
  },
});

interface DataSource {
  kind: 'PersistentVolumeClaim' | 'VolumeSnapshot';
  name: string;
  namespace: string;
  /** Path of `dataSource` or `dataSourceRef`. */
  path: ObjectPath;
}

/**
 * The claims and VolumeSnapshots a claim spec is populated from: `dataSource`, and `dataSourceRef` unless it repeats
 * `dataSource` (the API server keeps the two equal when no namespace is given). Other kinds (volume populators) are
 * left out.
 */
function dataSourcesOf(spec: Record<string, unknown>, specPath: ObjectPath, namespace: string): DataSource[] {
  const sources: DataSource[] = [];
  for (const field of ['dataSource', 'dataSourceRef'] as const) {
    const ref = spec[field];
    if (!isRecord(ref) || typeof ref.name !== 'string' || ref.name === '') continue;
    const group = ref.apiGroup ?? '';
    const kind = ref.kind === 'PersistentVolumeClaim' && group === '' ? ref.kind : ref.kind === 'VolumeSnapshot' && group === SNAPSHOT_GROUP ? ref.kind : undefined;
    if (!kind) continue;
    const inNamespace = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespace;
    if (sources.some((source) => source.kind === kind && source.name === ref.name && source.namespace === inNamespace)) continue;
    sources.push({ kind, name: ref.name, namespace: inNamespace, path: [...specPath, field] });
  }
  return sources;
}

/** Why no claim of that name will exist, or undefined when the inputs declare it or a StatefulSet of the inputs creates it. */
function missingClaim(context: RuleContext, namespace: string, name: string): string | undefined {
  if (context.index.all('PersistentVolumeClaim', namespace, name).some(isCoreObject)) return undefined;
  const generated = claimTemplatesGenerating(context.index, namespace, name);
  if (generated.some((claim) => claim.created)) return undefined;
  const [near] = generated;
  if (near) {
    const ordinals = near.last === null ? 'no ordinal' : near.first === near.last ? `ordinal ${near.first}` : `ordinals ${near.first} to ${near.last}`;
    return `which StatefulSet '${near.statefulSet.name}' never creates: it runs ${describeReplicas(near.replicas)}, ${ordinals}, not ordinal ${near.ordinal}`;
  }
  return `which is neither a PersistentVolumeClaim of the inputs in namespace '${namespace}' nor a claim a StatefulSet of the inputs creates`;
}

function missingSnapshot(context: RuleContext, namespace: string, name: string): string | undefined {
  if (context.index.all('VolumeSnapshot', namespace, name).some((snapshot) => snapshot.group === SNAPSHOT_GROUP)) return undefined;
  return `which is not a VolumeSnapshot of the inputs in namespace '${namespace}'`;
}

function isCoreObject(resource: Resource): boolean {
  return resource.group === '';
}
