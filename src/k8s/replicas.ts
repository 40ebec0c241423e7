import type { ResourceIndex } from './resource-index.js';
import { isCount, isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

/** How many pods a workload runs: a fixed count, or the range a HorizontalPodAutoscaler scales it in. */
export interface ReplicaCount {
  min: number;
  max: number;
  /** The HorizontalPodAutoscaler that sets the count, when one targets the workload. */
  autoscaler?: Resource;
}

/**
 * The replica count of a Deployment, ReplicaSet, StatefulSet or Pod (1). A HorizontalPodAutoscaler targeting the
 * workload overrides `spec.replicas` with its `minReplicas` (default 1) to `maxReplicas`. Undefined when the count
 * cannot be known: a DaemonSet (one pod per node) or a replica count that is not a whole number.
 */
export function replicaCount(workload: Resource, index: ResourceIndex): ReplicaCount | undefined {
  if (workload.kind === 'Pod') return { min: 1, max: 1 };
  if (workload.kind === 'DaemonSet') return undefined;
  const autoscaler = index
    .targeting(workload)
    .find((hpa) => hpa.kind === 'HorizontalPodAutoscaler' && isCount(hpa.object.spec?.maxReplicas));
  if (autoscaler) {
    const { minReplicas, maxReplicas } = autoscaler.object.spec;
    return { min: isCount(minReplicas) ? minReplicas : 1, max: maxReplicas, autoscaler };
  }
  const replicas = isRecord(workload.object.spec) ? workload.object.spec.replicas : undefined;
  if (replicas === undefined || replicas === null) return { min: 1, max: 1 };
  return isCount(replicas) ? { min: replicas, max: replicas } : undefined;
}

/** "3 replicas", or "1 to 5 replicas (HorizontalPodAutoscaler 'web')". */
export function describeReplicas(count: ReplicaCount): string {
  const range = count.min === count.max ? plural(count.max) : `${count.min} to ${plural(count.max)}`;
  return count.autoscaler ? `${range} (HorizontalPodAutoscaler '${count.autoscaler.name}')` : range;
}

function plural(replicas: number): string {
  return `${replicas} ${replicas === 1 ? 'replica' : 'replicas'}`;
}
