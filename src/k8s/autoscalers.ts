import { scaleTargetRefOf } from './resource-index.js';
import { isCount, isRecord } from '../util/guards.js';
import type { ObjectPath, Resource } from '../types.js';

/**
 * What stslint knows of autoscalers: a HorizontalPodAutoscaler (autoscaling/*) or a KEDA ScaledObject
 * (keda.sh/v1alpha1), which makes and owns an HPA of its own. Functions of one object; the lookups by target are
 * the index's (`scaledBy`, `targeting`) and replicas.ts's (`autoscalersOf`).
 */

/** KEDA's label on the HPA it creates for a ScaledObject (value: the ScaledObject's name; KEDA scaledobject_types.go). */
export const KEDA_OWNER_LABEL = 'scaledobject.keda.sh/name';
/** KEDA: pins the target to this many replicas while the ScaledObject is paused (KEDA scaledobject_types.go). */
const KEDA_PAUSED_REPLICAS = 'autoscaling.keda.sh/paused-replicas';
/** KEDA defaults: minReplicaCount 0, maxReplicaCount 100 (keda.sh/docs/2.15/reference/scaledobject-spec). */
const KEDA_DEFAULT_MIN = 0;
const KEDA_DEFAULT_MAX = 100;
/** autoscaling/v2: minReplicas defaults to 1 (pkg/apis/autoscaling/v2/defaults.go). */
const HPA_DEFAULT_MIN = 1;

export type AutoscalerKind = 'HorizontalPodAutoscaler' | 'ScaledObject';

export function isHorizontalPodAutoscaler(resource: Resource): boolean {
  return resource.kind === 'HorizontalPodAutoscaler' && resource.group === 'autoscaling';
}

export function isScaledObject(resource: Resource): boolean {
  return resource.kind === 'ScaledObject' && resource.group === 'keda.sh';
}

export function isAutoscaler(resource: Resource): boolean {
  return isHorizontalPodAutoscaler(resource) || isScaledObject(resource);
}

/** The workload an object's `spec.scaleTargetRef` names, in the object's namespace. */
export interface ScaleTarget {
  kind: string;
  name: string;
  /** The API group of `apiVersion` ('' for v1); undefined when the reference gives no apiVersion. */
  group: string | undefined;
  /** Path of `scaleTargetRef.name` inside the object. */
  path: ObjectPath;
}

/**
 * The target of `spec.scaleTargetRef` (resource-index.ts, scaleTargetRefOf); undefined when it has no name or kind.
 * A ScaledObject's apiVersion defaults to apps/v1 (KEDA scaledobject-spec, "scaleTargetRef").
 */
export function scaleTargetOf(resource: Resource): ScaleTarget | undefined {
  const target = scaleTargetRefOf(resource);
  if (!target) return undefined;
  const written = resource.object.spec.scaleTargetRef.apiVersion;
  const apiVersion = written ?? (isScaledObject(resource) ? 'apps/v1' : undefined);
  const group = typeof apiVersion === 'string' ? (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '') : undefined;
  return { ...target, group, path: ['spec', 'scaleTargetRef', 'name'] };
}

/** The API groups that serve the same built-in workloads (extensions/v1beta1 Deployments are apps ones). */
const WORKLOAD_GROUPS: ReadonlySet<string> = new Set(['apps', 'extensions']);

/**
 * True when two API groups of scale targets can name the same object: equal, both apps/extensions, or either unknown
 * (a reference without apiVersion).
 */
export function sameTargetGroup(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b || (WORKLOAD_GROUPS.has(a) && WORKLOAD_GROUPS.has(b));
}

/** How many replicas an autoscaler keeps its target at, and the fields the bounds come from. */
export interface AutoscalerRange {
  autoscaler: Resource;
  min: number;
  max: number;
  /** The field of the lower bound: minReplicas, minReplicaCount, idleReplicaCount or the paused-replicas annotation. */
  minField: string;
  maxField: string;
}

/**
 * The replica range of an HPA (`minReplicas`, default 1, to `maxReplicas`, required) or a ScaledObject
 * (`minReplicaCount`, default 0, to `maxReplicaCount`, default 100; `idleReplicaCount`, when below the minimum, is
 * the count with no activity; `autoscaling.keda.sh/paused-replicas` pins the count). Undefined for other objects
 * and when a bound is not a whole number (a template placeholder), or the minimum is above the maximum (KEDA and the
 * API server reject it).
 */
export function autoscalerRange(autoscaler: Resource): AutoscalerRange | undefined {
  const spec = isRecord(autoscaler.object.spec) ? autoscaler.object.spec : {};
  if (isHorizontalPodAutoscaler(autoscaler)) {
    const min = spec.minReplicas ?? HPA_DEFAULT_MIN;
    if (!isCount(min) || !isCount(spec.maxReplicas) || min > spec.maxReplicas) return undefined;
    return { autoscaler, min, max: spec.maxReplicas, minField: 'minReplicas', maxField: 'maxReplicas' };
  }
  if (!isScaledObject(autoscaler)) return undefined;
  const paused = pausedReplicas(autoscaler);
  if (paused !== undefined) {
    return { autoscaler, min: paused, max: paused, minField: KEDA_PAUSED_REPLICAS, maxField: KEDA_PAUSED_REPLICAS };
  }
  const min = spec.minReplicaCount ?? KEDA_DEFAULT_MIN;
  const max = spec.maxReplicaCount ?? KEDA_DEFAULT_MAX;
  if (!isCount(min) || !isCount(max) || min > max) return undefined;
  const idle = spec.idleReplicaCount;
  if (isCount(idle) && idle < min) return { autoscaler, min: idle, max, minField: 'idleReplicaCount', maxField: 'maxReplicaCount' };
  return { autoscaler, min, max, minField: 'minReplicaCount', maxField: 'maxReplicaCount' };
}

/**
 * True when the HPA is the one KEDA made for, or took over from, this ScaledObject: an owner reference or KEDA's
 * label names it, or the ScaledObject asks for the HPA's ownership (`scaledobject.keda.sh/transfer-hpa-ownership:
 * "true"` with `advanced.horizontalPodAutoscalerConfig.name` naming it). KEDA's admission webhook accepts exactly
 * these pairs (scaledobject_webhook.go, verifyHpas).
 */
export function isKedaOwnHpa(hpa: Resource, scaledObject: Resource): boolean {
  const metadata = isRecord(hpa.object.metadata) ? hpa.object.metadata : {};
  const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences.filter(isRecord) : [];
  if (owners.some((owner) => owner.kind === 'ScaledObject' && owner.name === scaledObject.name)) return true;
  if (isRecord(metadata.labels) && metadata.labels[KEDA_OWNER_LABEL] === scaledObject.name) return true;
  const annotations = isRecord(scaledObject.object.metadata?.annotations) ? scaledObject.object.metadata.annotations : {};
  const advanced = isRecord(scaledObject.object.spec?.advanced) ? scaledObject.object.spec.advanced : {};
  const config = isRecord(advanced.horizontalPodAutoscalerConfig) ? advanced.horizontalPodAutoscalerConfig : {};
  return annotations['scaledobject.keda.sh/transfer-hpa-ownership'] === 'true' && config.name === hpa.name;
}

function pausedReplicas(scaledObject: Resource): number | undefined {
  const annotations = scaledObject.object.metadata?.annotations;
  const value = isRecord(annotations) ? annotations[KEDA_PAUSED_REPLICAS] : undefined;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}
