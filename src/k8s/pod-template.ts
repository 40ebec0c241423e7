import { isEnabled, type GateSettings } from './feature-gates.js';
import { isCount, isRecord } from '../util/guards.js';
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

/**
 * A container that runs for the pod's life: an app container, or a sidecar (an init container with
 * `restartPolicy: Always`). Plain init containers run to completion first; ephemeral containers are for debugging.
 */
export function isLongRunning({ container, list }: ContainerAt): boolean {
  return list === 'containers' || (list === 'initContainers' && container.restartPolicy === 'Always');
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

/** The items of a list that are mappings, each as `term` with its path (`path` is the list's); none for a non-list. */
export function recordsAt(value: unknown, path: ObjectPath): { term: Record<string, unknown>; path: ObjectPath }[] {
  return Array.isArray(value) ? value.flatMap((term, index) => (isRecord(term) ? [{ term, path: [...path, index] }] : [])) : [];
}

/** Where a pod spec spreads its pods: a pod anti-affinity term or a topology spread constraint, and its topology key. */
export interface SpreadingTerm {
  topologyKey: string;
  /** Where it comes from: 'podAntiAffinity' (required or preferred) or 'topologySpreadConstraints'. */
  field: 'podAntiAffinity' | 'topologySpreadConstraints';
  /** The term (a preferred term's `podAffinityTerm`) or the constraint. */
  term: Record<string, unknown>;
  /** Its path: below the pod spec's `path` given to spreadingTermsOf. */
  path: ObjectPath;
}

/**
 * The pod anti-affinity terms (required, then preferred) and topology spread constraints of a pod spec at `path`,
 * in that order; items that are not mappings, or name no key, are skipped.
 */
export function spreadingTermsOf(podSpec: Record<string, unknown>, path: ObjectPath = []): SpreadingTerm[] {
  const anti = isRecord(podSpec.affinity) ? podSpec.affinity.podAntiAffinity : undefined;
  const base = [...path, 'affinity', 'podAntiAffinity'];
  const required = isRecord(anti) ? recordsAt(anti.requiredDuringSchedulingIgnoredDuringExecution, [...base, 'requiredDuringSchedulingIgnoredDuringExecution']) : [];
  const preferred = isRecord(anti) ? recordsAt(anti.preferredDuringSchedulingIgnoredDuringExecution, [...base, 'preferredDuringSchedulingIgnoredDuringExecution']) : [];
  const terms = [
    ...required.map((found) => ({ ...found, field: 'podAntiAffinity' as const })),
    ...preferred.flatMap(({ term, path: at }) => (isRecord(term.podAffinityTerm) ? [{ term: term.podAffinityTerm, path: [...at, 'podAffinityTerm'], field: 'podAntiAffinity' as const }] : [])),
    ...recordsAt(podSpec.topologySpreadConstraints, [...path, 'topologySpreadConstraints']).map((found) => ({ ...found, field: 'topologySpreadConstraints' as const })),
  ];
  return terms.flatMap((found) => (typeof found.term.topologyKey === 'string' ? [{ ...found, topologyKey: found.term.topologyKey }] : []));
}

/**
 * Labels the StatefulSet controller gives each pod (updateIdentity, pkg/controller/statefulset/stateful_set_utils.go;
 * the keys are StatefulSetPodNameLabel and PodIndexLabel of k8s.io/api apps/v1): the pod's name
 * `<StatefulSet>-<ordinal>`, and from Kubernetes 1.28 (PodIndexLabel, beta on by default, GA 1.32) its ordinal.
 */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** The controller label keys a StatefulSet's pods carry in Kubernetes `version` (MAJOR.MINOR; undefined: the newest). */
export function controllerLabelKeys(version: string | undefined): string[] {
  return version === undefined || isEnabled('PodIndexLabel', version) ? [POD_NAME_LABEL, POD_INDEX_LABEL] : [POD_NAME_LABEL];
}

/**
 * The labels of the pods of StatefulSet `statefulSet` that a selector can tell apart: its template labels
 * (`templateLabels`) plus the controller's labels, for each ordinal that one of `mentioned` names (a pod name
 * `<name>-<ordinal>` or an ordinal, as a selector's values do) and that the StatefulSet has, then for one ordinal
 * it has that none names (the pods a selector does not name all look alike to it). The ordinals run from
 * spec.ordinals.start (where StatefulSetStartOrdinal is on, else 0) for spec.replicas pods (at least one), or
 * without end when spec.replicas is not a number (an autoscaler sets it). Labels written in the template under the
 * controller's keys are overwritten by the controller, as it does.
 */
export function statefulSetPodLabelSets(statefulSet: Resource, templateLabels: Readonly<Record<string, unknown>> | undefined, version: string | undefined, mentioned: Iterable<unknown>): Record<string, unknown>[] {
  const spec = isRecord(statefulSet.object.spec) ? statefulSet.object.spec : {};
  const start = startOrdinal(statefulSet, version);
  const replicas = typeof spec.replicas === 'number' && Number.isSafeInteger(spec.replicas) && spec.replicas >= 0 ? Math.max(1, spec.replicas) : Infinity;
  const has = (ordinal: number) => ordinal >= start && ordinal < start + replicas;
  const named = new Set<number>();
  for (const value of mentioned) {
    const text = String(value);
    const digits = text.startsWith(`${statefulSet.name}-`) ? text.slice(statefulSet.name.length + 1) : text;
    const ordinal = /^(0|[1-9][0-9]{0,8})$/.test(digits) ? Number(digits) : undefined;
    if (ordinal !== undefined && has(ordinal)) named.add(ordinal);
  }
  let other = start;
  while (named.has(other)) other += 1;
  const ordinals = has(other) ? [...named, other] : [...named];
  const keys = controllerLabelKeys(version);
  return ordinals.map((ordinal) => {
    const labels: Record<string, unknown> = { ...templateLabels, [POD_NAME_LABEL]: `${statefulSet.name}-${ordinal}` };
    if (keys.includes(POD_INDEX_LABEL)) labels[POD_INDEX_LABEL] = String(ordinal);
    return labels;
  });
}

/** The ordinal of the first pod: spec.ordinals.start when it is a whole number, else its default 0. */
export function firstOrdinal(statefulSet: Resource): number {
  const ordinals = statefulSet.object.spec?.ordinals;
  return isRecord(ordinals) && isCount(ordinals.start) ? ordinals.start : 0;
}

/**
 * The ordinal of the first pod in a cluster of Kubernetes `version` (MAJOR.MINOR; undefined: the newest) with gate
 * `settings`: firstOrdinal where StatefulSetStartOrdinal is on, else 0 (the API server drops spec.ordinals while
 * the gate is off: dropStatefulSetDisabledFields, pkg/registry/apps/statefulset/strategy.go).
 */
export function startOrdinal(statefulSet: Resource, version: string | undefined, settings?: GateSettings): number {
  return version === undefined || isEnabled('StatefulSetStartOrdinal', version, settings) ? firstOrdinal(statefulSet) : 0;
}
