import { autoscalerRange, isAutoscaler, isKedaOwnHpa, isScaledObject, sameTargetGroup, scaleTargetOf, type AutoscalerRange } from './autoscalers.js';
import type { ResourceIndex } from './resource-index.js';
import { isCount, isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

/** How many pods a workload runs: a fixed count, or the range an autoscaler scales it in. */
export interface ReplicaCount {
  min: number;
  max: number;
  /** The HorizontalPodAutoscaler or KEDA ScaledObject that sets the count, when one targets the workload. */
  autoscaler?: Resource;
  /** With an autoscaler: the fields its bounds come from (`minReplicas`/`maxReplicas`, `minReplicaCount`...). */
  fields?: { min: string; max: string };
}

/**
 * The autoscalers (HorizontalPodAutoscalers and KEDA ScaledObjects, see autoscalers.ts) of the namespace whose
 * `scaleTargetRef` names that kind, name and API group (undefined: any), in input order. The HPA that KEDA made for,
 * or took over from, a ScaledObject of the list (isKedaOwnHpa) is left out: the ScaledObject stands for it.
 */
export function autoscalersTargeting(index: ResourceIndex, namespace: string, target: { kind: string; name: string; group?: string }): Resource[] {
  const found = index
    .scaledBy(target.kind, namespace, target.name)
    .filter((candidate) => isAutoscaler(candidate) && sameTargetGroup(scaleTargetOf(candidate)!.group, target.group));
  const scaledObjects = found.filter(isScaledObject);
  return found.filter((autoscaler) => isScaledObject(autoscaler) || !scaledObjects.some((owner) => isKedaOwnHpa(autoscaler, owner)));
}

/** The autoscalers that scale the workload (autoscalersTargeting), with the range each keeps it in (undefined: bounds not readable). */
export function autoscalersOf(workload: Resource, index: ResourceIndex): { autoscaler: Resource; range: AutoscalerRange | undefined }[] {
  return autoscalersTargeting(index, workload.namespace, workload).map((autoscaler) => ({ autoscaler, range: autoscalerRange(autoscaler) }));
}

/**
 * The replica count of a Deployment, ReplicaSet, StatefulSet or Pod (1). An autoscaler targeting the workload
 * overrides `spec.replicas` with its range: a HorizontalPodAutoscaler's `minReplicas` (default 1) to `maxReplicas`,
 * a ScaledObject's `minReplicaCount` (default 0, or `idleReplicaCount` below it) to `maxReplicaCount` (default 100);
 * with several autoscalers (autoscaler-conflict), the first in the inputs whose range is readable. Undefined when
 * the count cannot be known: a DaemonSet (one pod per node) or a replica count that is not a whole number.
 */
export function replicaCount(workload: Resource, index: ResourceIndex): ReplicaCount | undefined {
  if (workload.kind === 'Pod') return { min: 1, max: 1 };
  if (workload.kind === 'DaemonSet') return undefined;
  const range = autoscalersOf(workload, index).find((found) => found.range)?.range;
  if (range) return { min: range.min, max: range.max, autoscaler: range.autoscaler, fields: { min: range.minField, max: range.maxField } };
  const replicas = isRecord(workload.object.spec) ? workload.object.spec.replicas : undefined;
  if (replicas === undefined || replicas === null) return { min: 1, max: 1 };
  return isCount(replicas) ? { min: replicas, max: replicas } : undefined;
}

/** "3 replicas", "1 to 5 replicas (HorizontalPodAutoscaler 'web')" or "0 to 100 replicas (ScaledObject 'web')". */
export function describeReplicas(count: ReplicaCount): string {
  const range = count.min === count.max ? plural(count.max) : `${count.min} to ${plural(count.max)}`;
  return count.autoscaler ? `${range} (${count.autoscaler.kind} '${count.autoscaler.name}')` : range;
}

/**
 * Where an autoscaled count's bound comes from: "minReplicas of HorizontalPodAutoscaler 'web'",
 * "maxReplicaCount of ScaledObject 'web'"; undefined for a count without autoscaler.
 */
export function describeBound(count: ReplicaCount, bound: 'min' | 'max'): string | undefined {
  if (!count.autoscaler || !count.fields) return undefined;
  return `${count.fields[bound]} of ${count.autoscaler.kind} '${count.autoscaler.name}'`;
}

function plural(replicas: number): string {
  return `${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`;
}
