import { differences, isLiveObject } from '../../src/base/compare.js';
import { claimVolumes } from '../../src/k8s/claims.js';
import { podLabels, type ResourceIndex } from '../../src/k8s/resource-index.js';
import { selects, type LabelSelector } from '../../src/k8s/selectors.js';
import { claimTemplatesOf } from '../../src/k8s/statefulsets.js';
import { firstOrdinal } from '../../src/k8s/pod-template.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';
import { claimName, ordinalRange } from '../../src/plan/names.js';
import type { Resource } from '../../src/types.js';
import type { RuleContext } from '../../src/linter/rule.js';
import { isCount, isRecord } from '../../src/util/guards.js';

const rule = defineRule({
  meta: {
    id: 'claims-orphaned',
    severity: 'warning',
    description: 'Warn about changes that leave PersistentVolumeClaims and their data behind, compared with the base (--base, --base-files)',
    messages: {
      deletedRetain:
        "StatefulSet '{{name}}' is in the base but not in the manifests: deleting it keeps its claims {{claims}} (whenDeleted: Retain), with their data and no pod to use them; delete them once the data is no longer needed, or keep the StatefulSet",
      deletedDelete:
        "StatefulSet '{{name}}' is in the base but not in the manifests: deleting it deletes its claims {{claims}} and their data (whenDeleted: Delete); back the data up first, or keep the StatefulSet",
      renamed:
        "StatefulSet '{{name}}' replaces '{{old}}' of the base (same {{evidence}}): its pods start with new, empty claims {{newClaims}}, while the data stays in {{oldClaims}}, {{fate}}; copy the data over, or keep the name '{{old}}'",
      templateRenamed:
        "Claim template '{{old}}' of StatefulSet '{{name}}' is renamed to '{{template}}': the pods get new, empty claims {{newClaims}}, while the data stays in {{oldClaims}}, which no pod mounts any more",
      templateRemoved:
        "Claim template '{{template}}' is removed from StatefulSet '{{name}}': its claims {{claims}} stay, with their data, and no pod mounts them any more",
      replacesDeployment:
        "StatefulSet '{{name}}' replaces Deployment '{{deployment}}' of the base, which mounted claim {{claims}}: the StatefulSet's pods get new, empty claims {{newClaims}} instead; copy the data over first, or create {{firstClaim}} bound to the old volume before the StatefulSet starts",
    },
  },
  // No `kinds`: a deleted StatefulSet has no object in the run to visit, so deletions are reported once, while the
  // run's first object is visited; StatefulSets of the run are checked when they are visited.
  check(resource, context) {
    const { index } = context;
    if (!index.hasBase) return;
    if (resource === index.linted[0]) reportDeleted(index, context);
    if (!isStatefulSet(resource)) return;
    const base = index.base(resource);
    if (base) {
      reportTemplateChanges(base, resource, context);
      return;
    }
    const renamed = renamedFrom(resource, index);
    if (renamed) {
      const { old, evidence } = renamed;
      const fate = whenDeleted(old) === 'Delete' ? `deleted with '${old.name}' (whenDeleted: Delete)` : 'kept (whenDeleted: Retain) but mounted by no pod';
      const data = { name: resource.name, old: old.name, evidence, newClaims: describeClaims(resource), oldClaims: describeClaims(old), fate };
      context.report({ path: ['metadata', 'name'], messageId: 'renamed', data });
      return;
    }
    reportReplacedDeployments(resource, index, context);
  },
});

export default rule;

type Context = RuleContext<keyof NonNullable<typeof rule.meta.messages>, unknown>;

/** Base StatefulSets the run no longer has: renamed ones are reported on their successor, live objects not at all. */
function reportDeleted(index: ResourceIndex, context: Context): void {
  for (const old of deletedStatefulSets(index)) {
    const messageId = whenDeleted(old) === 'Delete' ? 'deletedDelete' : 'deletedRetain';
    context.report({ resource: old, path: ['metadata', 'name'], messageId, data: { name: old.name, claims: describeClaims(old) } });
  }
}

/**
 * StatefulSets of the base that are not in the run, that have claim templates (else no data is at stake), and that
 * were not renamed into a StatefulSet of the run. A live object (`kubectl get -o yaml`) is never taken as deleted: a live
 * export holds whatever else runs in the namespace, which the manifests need not declare.
 */
export function deletedStatefulSets(index: ResourceIndex): Resource[] {
  const renamed = new Set(index.linted.filter(isStatefulSet).map((current) => renamedFrom(current, index)?.old));
  return index.baseObjects.filter((old) => isStatefulSet(old) && !index.current(old) && !isLiveObject(old) && !renamed.has(old) && templateNames(old).length > 0);
}

/**
 * The base StatefulSet a new StatefulSet of the run takes the place of: one the run no longer has, in the same
 * namespace, with a claim template of the same name and the same governing Service or selector.
 */
export function renamedFrom(current: Resource, index: ResourceIndex): { old: Resource; evidence: string } | undefined {
  if (index.base(current)) return undefined;
  const names = templateNames(current);
  for (const old of index.baseObjects) {
    if (!isStatefulSet(old) || old.namespace !== current.namespace || index.current(old)) continue;
    if (!templateNames(old).some((name) => names.includes(name))) continue;
    const [before, after] = [old.object.spec ?? {}, current.object.spec ?? {}];
    if (typeof after.serviceName === 'string' && after.serviceName !== '' && before.serviceName === after.serviceName) {
      return { old, evidence: `governing Service '${after.serviceName}'` };
    }
    if (isRecord(after.selector) && differences(before.selector, after.selector).length === 0) return { old, evidence: 'selector' };
  }
  return undefined;
}

function reportTemplateChanges(base: Resource, current: Resource, context: Context): void {
  const before = templateNames(base);
  const after = claimTemplatesOf(current).filter((template) => template.name !== undefined);
  const removed = before.filter((name) => !after.some((template) => template.name === name));
  const added = after.filter((template) => !before.includes(template.name!));
  if (removed.length === 1 && added.length === 1) {
    const [old, template] = [removed[0], added[0]];
    const data = { name: current.name, old, template: template.name!, newClaims: describeClaims(current, template.name), oldClaims: describeClaims(base, old) };
    context.report({ path: [...template.path, 'metadata', 'name'], messageId: 'templateRenamed', data });
    return;
  }
  for (const template of removed) {
    const data = { name: current.name, template, claims: describeClaims(base, template) };
    context.report({ path: ['spec', 'volumeClaimTemplates'], messageId: 'templateRemoved', data });
  }
}

/** Deployments of the base, gone from the run, whose pods the new StatefulSet takes over, with claims it does not mount. */
function reportReplacedDeployments(statefulSet: Resource, index: ResourceIndex, context: Context): void {
  const [first] = claimTemplatesOf(statefulSet).filter((template) => template.name !== undefined);
  if (!first) return;
  const mounted = new Set(claimVolumes(statefulSet, index).map((volume) => volume.claimName));
  const selector = statefulSet.object.spec?.selector;
  for (const deployment of index.baseObjects) {
    if (deployment.kind !== 'Deployment' || deployment.group !== 'apps' || deployment.namespace !== statefulSet.namespace || index.current(deployment)) continue;
    const takesOver = deployment.name === statefulSet.name || (isRecord(selector) && selects(selector as LabelSelector, podLabels(deployment)));
    const left = [...new Set(claimVolumes(deployment, index).map((volume) => volume.claimName))].filter((claim) => !mounted.has(claim));
    if (!takesOver || left.length === 0) continue;
    const data = {
      name: statefulSet.name,
      deployment: deployment.name,
      claims: left.map((claim) => `'${claim}'`).join(', '),
      newClaims: describeClaims(statefulSet),
      firstClaim: claimName(first.name!, statefulSet.name, firstOrdinal(statefulSet)),
    };
    context.report({ path: [...first.path, 'metadata', 'name'], messageId: 'replacesDeployment', data });
  }
}

function templateNames(statefulSet: Resource): string[] {
  return claimTemplatesOf(statefulSet).flatMap((template) => (template.name === undefined ? [] : [template.name]));
}

function whenDeleted(statefulSet: Resource): string {
  const policy = statefulSet.object.spec?.persistentVolumeClaimRetentionPolicy;
  return isRecord(policy) && policy.whenDeleted === 'Delete' ? 'Delete' : 'Retain';
}

/** Longest list of claim names written out; a longer one shows its first three and its last. */
const MAX_NAMED_CLAIMS = 4;

/** The claims of the StatefulSet's pods (of one template, or of all), as `data-db-0, data-db-1, …, data-db-9 (10 claims)`. */
function describeClaims(statefulSet: Resource, template?: string): string {
  const replicas = statefulSet.object.spec?.replicas;
  const count = isCount(replicas) ? replicas : 1;
  const ordinals = ordinalRange(firstOrdinal(statefulSet), count);
  const templates = template === undefined ? templateNames(statefulSet) : [template];
  const names = templates.flatMap((name) => ordinals.map((ordinal) => claimName(name, statefulSet.name, ordinal)));
  if (names.length === 0) return 'none (0 replicas)';
  if (names.length <= MAX_NAMED_CLAIMS) return names.join(', ');
  return `${names.slice(0, 3).join(', ')}, …, ${names.at(-1)} (${templates.length * count} claims)`;
}
