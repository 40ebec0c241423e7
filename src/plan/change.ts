/**
 * What applying the manifests does to a StatefulSet that runs now (`stslint plan --base`): the fields that change,
 * the rollout a template change starts, the scale a replica change makes, and, when the API server refuses the
 * update, the commands that work instead. The comparison is the one of immutable-field-changed
 * (src/base/compare.ts, src/base/immutable.ts).
 */
import { relative } from 'node:path';
import { comparable, describeValue, differences, displayPath, isLiveObject, type Difference } from '../base/compare.js';
import { isStorageGrowth, refusedChanges } from '../base/immutable.js';
import type { ResourceIndex } from '../k8s/resource-index.js';
import { rangeOf } from '../load/positions.js';
import type { Resource } from '../types.js';
import { startOrdinal } from '../k8s/pod-template.js';
import type { GateSettings } from '../k8s/feature-gates.js';
import { isCount, isRecord } from '../util/guards.js';
import { lifecycle } from './lifecycle.js';
import { claimTemplates } from './model.js';
import { claimName, ordinalRange, podName } from './names.js';
import type { ClaimTemplate, RefusedUpdate, StatefulSetChange, StatefulSetPlan, StorageGrowth } from './types.js';

export interface ChangeOptions {
  /** Target Kubernetes version, MAJOR.MINOR. */
  kubernetesVersion: string;
  /** Gates the cluster turns on or off (`--feature-gates`). */
  featureGates?: GateSettings;
  /** Files in commands are relative to this directory (absolute without it). */
  cwd?: string;
}

/** The change of a StatefulSet of the run: `new` without a base object, else `unchanged` or `changed`. */
export function changeOf(current: Resource, plan: StatefulSetPlan, index: ResourceIndex, options: ChangeOptions): StatefulSetChange {
  const base = index.base(current);
  const change: StatefulSetChange = { status: 'new', base: null, fields: [], rollout: null, scale: null, refused: null, storage: [] };
  if (!base) return change;
  change.base = where(base);
  const refused = refusedChanges(base, current, options.kubernetesVersion);
  const refusedPaths = new Set(refused.map((difference) => displayPath(difference.path)));
  const live = isLiveObject(base);
  // The same object read twice (a file unchanged since the revision) is unchanged.
  const found = base.object === current.object ? [] : differences(comparable(base, options.kubernetesVersion), comparable(current, options.kubernetesVersion))
    // Against a live object, what the manifest leaves out is kept by apply: not a change.
    .filter((difference) => !live || difference.new !== undefined);
  change.fields = found.map(({ path, old, new: now }) => ({ path: displayPath(path), old: old ?? null, new: now ?? null, allowed: !refusedPaths.has(displayPath(path)) }));
  change.status = found.length > 0 ? 'changed' : 'unchanged';
  if (found.some((difference) => difference.path[0] === 'spec' && difference.path[1] === 'template')) change.rollout = plan.update;
  change.scale = scaleOf(base, plan, options.kubernetesVersion);
  change.storage = storageGrowths(base, current, refused, index, options);
  if (refused.length > 0) change.refused = refusal(base, current, refused, change.storage, options);
  return change;
}

/** The change of a StatefulSet the run no longer has, planned from its base object. */
export function deletedChange(base: Resource): StatefulSetChange {
  return { status: 'deleted', base: where(base), fields: [], rollout: null, scale: null, refused: null, storage: [] };
}

function where(resource: Resource): { file: string; line: number } {
  return { file: resource.source.path, line: rangeOf(resource, []).line };
}

function scaleOf(base: Resource, plan: StatefulSetPlan, version: string): StatefulSetChange['scale'] {
  const replicas = comparable(base, version).spec;
  const from = isRecord(replicas) && typeof replicas.replicas === 'number' ? replicas.replicas : plan.replicas;
  if (from === plan.replicas) return null;
  const shape = {
    name: plan.name,
    first: plan.ordinals.first,
    replicas: from,
    claimTemplates: plan.claimTemplates,
    oneAtATime: plan.order.oneAtATime,
    retention: plan.retention,
  };
  return lifecycle(shape, { scaleTo: [plan.replicas], delete: false }).scale[0];
}

/** Claim templates whose storage request grows, with the existing claims (the base's ordinals) to patch. */
function storageGrowths(base: Resource, current: Resource, refused: Difference[], index: ResourceIndex, options: ChangeOptions): StorageGrowth[] {
  const before = claimTemplates(base, index);
  const after = claimTemplates(current, index);
  const ordinals = basePods(base, options);
  return refused.filter(isStorageGrowth).flatMap((difference) => {
    const template = after[Number(difference.path[2])] as ClaimTemplate | undefined;
    const old = before.find((candidate) => candidate.name === template?.name);
    if (!template || !old) return [];
    const to = describeValue(difference.new);
    const { expansion, reason } = expansionOf(old);
    const claims = ordinals.map((ordinal) => {
      const name = claimName(template.name, base.name, ordinal);
      const patch = JSON.stringify({ spec: { resources: { requests: { storage: to } } } });
      return { name, command: `kubectl patch pvc ${name} -n ${base.namespace} -p '${patch}'` };
    });
    return [{ template: template.name, from: describeValue(difference.old), to, storageClass: old.storageClass, expansion, reason, claims }];
  });
}

/** The ordinals of the pods the base runs: from spec.ordinals.start where the target version keeps it, else 0. */
function basePods(base: Resource, options: ChangeOptions): number[] {
  const replicas = base.object.spec?.replicas;
  return ordinalRange(startOrdinal(base, options.kubernetesVersion, options.featureGates), isCount(replicas) ? replicas : 1);
}

/**
 * Whether the claims of a template can grow: their StorageClass's `allowVolumeExpansion` (the
 * PersistentVolumeClaimResize admission plugin refuses the patch otherwise), for the class among the inputs the
 * plan found for the template (src/k8s/storage.ts: the one named, or the one marked default).
 */
function expansionOf(template: ClaimTemplate): Pick<StorageGrowth, 'expansion' | 'reason'> {
  if (template.storageClass === '') return { expansion: 'refused', reason: 'the claims have no StorageClass (storageClassName: ""): only dynamically provisioned claims can grow' };
  const found = template.storageClassInInputs;
  if (!found) {
    const which = template.storageClass === null ? "the cluster's default StorageClass, which is not among the inputs" : `StorageClass '${template.storageClass}', which is not among the inputs`;
    return { expansion: 'unknown', reason: `the claims use ${which}: check its allowVolumeExpansion on the cluster` };
  }
  if (found.allowVolumeExpansion) return { expansion: 'allowed', reason: `StorageClass '${found.name}' sets allowVolumeExpansion: true` };
  return { expansion: 'refused', reason: `StorageClass '${found.name}' does not set allowVolumeExpansion: true: the API server refuses to grow its claims` };
}

/** The commands that apply a refused change: grow the claims, delete the StatefulSet but not its pods, apply. */
function refusal(base: Resource, current: Resource, refused: Difference[], storage: StorageGrowth[], options: ChangeOptions): RefusedUpdate {
  const namespace = current.namespace;
  const file = options.cwd ? relative(options.cwd, current.source.path) || current.source.path : current.source.path;
  const commands = storage.filter((growth) => growth.expansion !== 'refused').flatMap((growth) => growth.claims.map((claim) => claim.command));
  commands.push(`kubectl delete statefulset ${current.name} -n ${namespace} --cascade=orphan`);
  const notes = ['The pods and their claims keep running: the new StatefulSet adopts the pods its selector selects, under the same names'];
  const selectorChanged = refused.some((difference) => difference.path[1] === 'selector');
  if (selectorChanged) {
    const labels = labelsToAdd(base, current);
    const pods = basePods(base, options).map((ordinal) => podName(base.name, ordinal));
    if (labels && pods.length > 0) commands.push(`kubectl label pod ${pods.join(' ')} -n ${namespace} ${labels} --overwrite`);
    else notes.push('Label the running pods so that the new selector selects them; otherwise the new StatefulSet cannot adopt them, nor create pods of the same names');
  }
  commands.push(`kubectl apply -f ${file}`);
  if (refused.some((difference) => difference.path[1] === 'volumeClaimTemplates')) {
    notes.push('Existing claims keep the size, class and labels they were made with, unless patched: only claims made for new ordinals follow the new claim templates');
  }
  for (const growth of storage.filter((candidate) => candidate.expansion === 'refused')) notes.push(`Claims of template '${growth.template}' cannot grow: ${growth.reason}`);
  notes.push('With Helm, run helm upgrade instead of kubectl apply');
  return { fields: refused.map((difference) => displayPath(difference.path)), commands, notes };
}

/** `key=value ...` of the new selector's matchLabels the old one does not have, when both are matchLabels only. */
function labelsToAdd(base: Resource, current: Resource): string | undefined {
  const [before, after] = [base.object.spec?.selector, current.object.spec?.selector];
  if (!isRecord(before) || !isRecord(after) || before.matchExpressions || after.matchExpressions || !isRecord(after.matchLabels)) return undefined;
  const old = isRecord(before.matchLabels) ? before.matchLabels : {};
  const pairs = Object.entries(after.matchLabels).filter(([key, value]) => old[key] !== value);
  return pairs.length > 0 ? pairs.map(([key, value]) => `${key}=${String(value)}`).join(' ') : undefined;
}

