import { isRecord } from '../util/guards.js';
import type { ObjectPath, Resource } from '../types.js';

/** Where each built-in kind keeps its pod spec, and the API groups that kind belongs to. */
const POD_SPEC_PATHS: Readonly<Record<string, { groups: readonly string[]; path: ObjectPath }>> = {
  StatefulSet: { groups: ['apps'], path: ['spec', 'template', 'spec'] },
  Deployment: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  ReplicaSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  DaemonSet: { groups: ['apps', 'extensions'], path: ['spec', 'template', 'spec'] },
  ReplicationController: { groups: [''], path: ['spec', 'template', 'spec'] },
  Job: { groups: ['batch'], path: ['spec', 'template', 'spec'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  Pod: { groups: [''], path: ['spec'] },
};

/** Kinds that carry a pod spec, with their groups (KindRef: `apps/StatefulSet`, `Pod`): the `kinds` of a rule that visits pod specs. */
export const POD_SPEC_KINDS: readonly string[] = Object.entries(POD_SPEC_PATHS)
  .flatMap(([kind, { groups }]) => groups.map((group) => (group ? `${group}/${kind}` : kind)))
  .sort();

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface PodSpecAt {
  spec: Record<string, unknown>;
  /** Path of the pod spec inside the resource. */
  path: ObjectPath;
}

export interface ContainerAt {
  container: Record<string, unknown>;
  /** Path of the container inside the resource, e.g. ['spec', 'template', 'spec', 'containers', 0]. */
  path: ObjectPath;
  list: ContainerList;
}

/** The pod spec of a built-in workload, Job, CronJob or Pod; undefined for other kinds (and CRDs sharing a kind name). */
export function podSpecOf(resource: Resource): PodSpecAt | undefined {
  const location = Object.hasOwn(POD_SPEC_PATHS, resource.kind) ? POD_SPEC_PATHS[resource.kind] : undefined;
  if (!location || !location.groups.includes(resource.group)) return undefined;
  let node: unknown = resource.object;
  for (const segment of location.path) node = isRecord(node) ? node[segment] : undefined;
  return isRecord(node) ? { spec: node, path: location.path } : undefined;
}

/** Every container of a pod spec (init containers, containers, ephemeral containers), skipping items that are not mappings. */
export function* containersOf(podSpec: Record<string, unknown>, path: ObjectPath): Generator<ContainerAt> {
  for (const list of CONTAINER_LISTS) {
    const containers = podSpec[list];
    if (!Array.isArray(containers)) continue;
    for (const [index, container] of containers.entries()) {
      if (isRecord(container)) yield { container, path: [...path, list, index], list };
    }
  }
}

export interface VolumeUse {
  /** The volume name the container refers to. */
  name: string;
  /** Path of the entry's `name`, e.g. [..., 'containers', 0, 'volumeMounts', 1, 'name']. */
  path: ObjectPath;
  field: 'volumeMounts' | 'volumeDevices';
}

/** Every volumeMounts and volumeDevices entry of a container that names a volume. */
export function* volumeUsesOf({ container, path }: ContainerAt): Generator<VolumeUse> {
  for (const field of ['volumeMounts', 'volumeDevices'] as const) {
    const entries = container[field];
    if (!Array.isArray(entries)) continue;
    for (const [index, entry] of entries.entries()) {
      if (!isRecord(entry) || typeof entry.name !== 'string') continue;
      yield { name: entry.name, path: [...path, field, index, 'name'], field };
    }
  }
}

/** Names of the pod spec's volumes. */
export function podVolumeNames(podSpec: Record<string, unknown>): Set<string> {
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes : [];
  return new Set(volumes.filter(isRecord).flatMap((volume) => (typeof volume.name === 'string' ? [volume.name] : [])));
}

/** Where a pod spec spreads its pods: the topology key of a pod anti-affinity term or topology spread constraint. */
export interface SpreadingTerm {
  topologyKey: string;
  /** Where it comes from: 'podAntiAffinity' (required or preferred) or 'topologySpreadConstraints'. */
  field: 'podAntiAffinity' | 'topologySpreadConstraints';
}

/**
 * The topology keys of a pod spec's pod anti-affinity terms (required and preferred) and topology spread constraints,
 * in that order; items that are not mappings, or name no key, are skipped.
 */
export function spreadingTermsOf(podSpec: Record<string, unknown>): SpreadingTerm[] {
  const anti = isRecord(podSpec.affinity) ? podSpec.affinity.podAntiAffinity : undefined;
  const records = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
  const preferred = isRecord(anti) ? records(anti.preferredDuringSchedulingIgnoredDuringExecution).map((weighted) => weighted.podAffinityTerm) : [];
  const required = isRecord(anti) ? records(anti.requiredDuringSchedulingIgnoredDuringExecution) : [];
  const tagged = (terms: Record<string, unknown>[], field: SpreadingTerm['field']) =>
    terms.flatMap((term) => (typeof term.topologyKey === 'string' ? [{ topologyKey: term.topologyKey, field }] : []));
  return [...tagged([...required, ...records(preferred)], 'podAntiAffinity'), ...tagged(records(podSpec.topologySpreadConstraints), 'topologySpreadConstraints')];
}
