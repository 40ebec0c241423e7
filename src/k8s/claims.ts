import { podSpecOf } from './pod-template.js';
import type { ResourceIndex } from './resource-index.js';
import { replicaCount, type ReplicaCount } from './replicas.js';
import { isCount, isRecord } from '../util/guards.js';
import { claimTemplatesOf } from './statefulsets.js';
import { isStatefulSet } from './kinds.js';
import type { ObjectPath, Resource } from '../types.js';

/** A pod template volume backed by a PersistentVolumeClaim (`persistentVolumeClaim.claimName`). */
export interface ClaimVolume {
  claimName: string;
  /** Path of `claimName` inside the workload. */
  path: ObjectPath;
  /** The claim, when the linted set declares it in the workload's namespace. */
  claim?: Resource;
}

/** Access modes that let one node, or one pod, use the volume at a time. */
export type ExclusiveAccessMode = 'ReadWriteOnce' | 'ReadWriteOncePod';

/**
 * The PersistentVolumeClaims a workload's pod template mounts through `volumes`, in order. A StatefulSet replaces a
 * template volume named like one of its volumeClaimTemplates with that pod's own claim: such volumes are left out.
 */
export function claimVolumes(workload: Resource, index: ResourceIndex): ClaimVolume[] {
  const podSpec = podSpecOf(workload);
  const volumes = podSpec?.spec.volumes;
  if (!podSpec || !Array.isArray(volumes)) return [];
  const perPod = claimTemplateNames(workload);
  return volumes.flatMap((volume: unknown, position) => {
    if (!isRecord(volume) || perPod.has(volume.name as string)) return [];
    const source = volume.persistentVolumeClaim;
    const claimName = isRecord(source) ? source.claimName : undefined;
    if (typeof claimName !== 'string' || claimName === '') return [];
    return [
      {
        claimName,
        path: [...podSpec.path, 'volumes', position, 'persistentVolumeClaim', 'claimName'],
        claim: index.get('PersistentVolumeClaim', workload.namespace, claimName),
      },
    ];
  });
}

function claimTemplateNames(workload: Resource): Set<string> {
  if (!isStatefulSet(workload)) return new Set();
  return new Set(claimTemplatesOf(workload).flatMap(({ name }) => (name === undefined ? [] : [name])));
}

/**
 * The exclusive access mode of a claim: ReadWriteOncePod, or ReadWriteOnce when no shared mode (ReadWriteMany,
 * ReadOnlyMany) is requested beside it. Undefined for shared claims and claims without access modes.
 */
export function exclusiveAccessMode(claim: Resource): ExclusiveAccessMode | undefined {
  const modes: unknown = claim.object.spec?.accessModes;
  if (!Array.isArray(modes)) return undefined;
  if (modes.includes('ReadWriteOncePod')) return 'ReadWriteOncePod';
  if (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany')) return undefined;
  return modes.includes('ReadWriteOnce') ? 'ReadWriteOnce' : undefined;
}

/** A claim name a StatefulSet's claim template gives (`<template>-<statefulset>-<ordinal>`), read back. */
export interface GeneratedClaim {
  statefulSet: Resource;
  template: string;
  ordinal: number;
  /** The ordinals whose claims the StatefulSet creates: `ordinals.start` up to the most replicas it can run. */
  first: number;
  /** null when the StatefulSet runs no pod. */
  last: number | null;
  /** The replica count the ordinals come from ("3 replicas", "0 to 10 replicas (ScaledObject 'db')"). */
  replicas: ReplicaCount;
}

/**
 * The StatefulSets of the namespace (apps/v1, in the index) with a claim template whose generated names match
 * `claimName`, whatever the ordinal; `created` tells whether the ordinal is one the StatefulSet runs (pkg/controller/
 * statefulset/stateful_set_utils.go, getPersistentVolumeClaimName). Each `-` of the name is tried as the
 * template/StatefulSet boundary: one index lookup per `-`, no scan.
 */
export function claimTemplatesGenerating(index: ResourceIndex, namespace: string, claimName: string): (GeneratedClaim & { created: boolean })[] {
  const match = /^(.+)-(0|[1-9]\d*)$/.exec(claimName);
  if (!match) return [];
  const [, prefix, digits] = match;
  const ordinal = Number(digits);
  const found: (GeneratedClaim & { created: boolean })[] = [];
  for (let dash = prefix.indexOf('-'); dash > 0; dash = prefix.indexOf('-', dash + 1)) {
    const template = prefix.slice(0, dash);
    const statefulSet = index.all('StatefulSet', namespace, prefix.slice(dash + 1)).find(isStatefulSet);
    if (!statefulSet || !claimTemplatesOf(statefulSet).some(({ name }) => name === template)) continue;
    const replicas = replicaCount(statefulSet, index);
    const start = statefulSet.object.spec?.ordinals?.start ?? 0;
    if (!replicas || !isCount(start)) continue;
    const last = replicas.max > 0 ? start + replicas.max - 1 : null;
    const created = last !== null && ordinal >= start && ordinal <= last;
    found.push({ statefulSet, template, ordinal, first: start, last, replicas, created });
  }
  return found;
}

/** A PersistentVolumeClaim object, or a StatefulSet claim template, with what rules about claims need. */
export interface ClaimLike {
  /** The claim or template mapping: `metadata` and `spec`. */
  claim: Record<string, unknown>;
  spec: Record<string, unknown>;
  /** Path of the claim inside its object: [] for a claim, ['spec', 'volumeClaimTemplates', i] for a template. */
  path: ObjectPath;
  /** The claim's name, or the template's (`metadata.name`). */
  name: string;
  /** "PersistentVolumeClaim 'data'" or "Claim template 'data' of StatefulSet 'db'", to open messages. */
  subject: string;
  /** True for the names the claims have: the claim's own, or `<template>-<statefulset>-<ordinal>`. */
  named: (name: string) => boolean;
}

/**
 * The claims an object declares: a core PersistentVolumeClaim itself, or the named claim templates of an apps/v1
 * StatefulSet (templates without a name are statefulset-claim-template-invalid's finding). Empty for other objects.
 */
export function claimsDeclaredBy(resource: Resource): ClaimLike[] {
  const specOf = (claim: Record<string, unknown>) => (isRecord(claim.spec) ? claim.spec : {});
  if (resource.kind === 'PersistentVolumeClaim' && resource.group === '') {
    const claim = resource.object;
    return [{ claim, spec: specOf(claim), path: [], name: resource.name, subject: `PersistentVolumeClaim '${resource.name}'`, named: (name) => name === resource.name }];
  }
  if (!isStatefulSet(resource)) return [];
  return claimTemplatesOf(resource).flatMap(({ template, path, name }) => {
    if (name === undefined) return [];
    const prefix = `${name}-${resource.name}-`;
    return [{
      claim: template,
      spec: specOf(template),
      path,
      name,
      subject: `Claim template '${name}' of StatefulSet '${resource.name}'`,
      named: (claimName: string) => claimName.startsWith(prefix) && /^(0|[1-9]\d*)$/.test(claimName.slice(prefix.length)),
    }];
  });
}
