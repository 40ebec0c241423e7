import { podSpecOf } from './pod-template.js';
import type { ResourceIndex } from './resource-index.js';
import { isRecord } from '../util/guards.js';
import { claimTemplatesOf, isStatefulSet } from './statefulsets.js';
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
