import type { ResourceIndex } from '../k8s/resource-index.js';
import { isRecord } from '../util/guards.js';
import { rangeOf } from '../load/positions.js';
import { describeReplicas, replicaCount } from '../k8s/replicas.js';
import { claimTemplatesOf } from '../k8s/statefulsets.js';
import { claimClassOf, storageClassFacts, storageClassOfClaim, type ClaimClass } from '../k8s/storage.js';
import type { Resource } from '../types.js';
import { lifecycle } from './lifecycle.js';
import {
  claimName,
  governingDomain,
  MAX_LISTED_PODS,
  ordinalRange,
  podName,
  POD_INDEX_LABEL,
  POD_NAME_LABEL,
} from './names.js';
import type {
  AutoscalerPlan,
  ClaimTemplate,
  PodManagementPolicy,
  PodPlan,
  RetentionPolicy,
  StatefulSetPlan,
  StorageClassPlan,
  UpdatePlan,
} from './types.js';
import { append, maxOf } from '../util/arrays.js';

export interface ModelOptions {
  clusterDomain: string;
  /** Replica counts to scale to, one step after the other, starting from the manifest's count. */
  scaleTo: readonly number[];
  /** Also plan the deletion of the StatefulSet. */
  delete: boolean;
}

type Spec = Record<string, unknown>;

/** What the controller will make of one StatefulSet, from the manifest alone (problems are attached later). */
export function planStatefulSet(resource: Resource, index: ResourceIndex, options: ModelOptions): StatefulSetPlan {
  const spec: Spec = isRecord(resource.object.spec) ? resource.object.spec : {};
  const notes: string[] = [];
  const name = resource.name;
  const replicas = wholeNumber(spec.replicas, 1, 'spec.replicas', notes);
  const first = wholeNumber(isRecord(spec.ordinals) ? spec.ordinals.start : undefined, 0, 'spec.ordinals.start', notes);
  const podManagementPolicy = managementPolicy(spec.podManagementPolicy, notes);
  const minReadySeconds = wholeNumber(spec.minReadySeconds, 0, 'spec.minReadySeconds', notes);
  const serviceName = typeof spec.serviceName === 'string' && spec.serviceName !== '' ? spec.serviceName : null;
  const domain = serviceName ? governingDomain(serviceName, resource.namespace, options.clusterDomain) : null;
  const retentionSpec = isRecord(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : {};
  const retention = {
    whenDeleted: retentionPolicy(retentionSpec.whenDeleted, 'whenDeleted', notes),
    whenScaled: retentionPolicy(retentionSpec.whenScaled, 'whenScaled', notes),
  };
  const templates = claimTemplates(resource, index, notes);
  const pods = ordinalRange(first, replicas).map((ordinal) => podPlan(name, ordinal, domain, templates));
  const update = updatePlan(spec.updateStrategy, pods, first, notes);
  const oneAtATime = podManagementPolicy === 'OrderedReady';
  const effects = lifecycle({ name, first, replicas, claimTemplates: templates, oneAtATime, retention }, options);
  append(notes, contextNotes(resource, index, replicas, options.scaleTo));
  return {
    name,
    namespace: resource.namespace,
    file: resource.source.path,
    line: rangeOf(resource, []).line,
    replicas,
    ordinals: { first, last: replicas > 0 ? first + replicas - 1 : null },
    podManagementPolicy,
    minReadySeconds,
    serviceName,
    governingDomain: domain,
    retention,
    claimTemplates: templates,
    pods,
    order: {
      oneAtATime,
      create: pods.map((pod) => pod.name),
      stop: pods.map((pod) => pod.name).reverse(),
    },
    update,
    scale: effects.scale,
    delete: effects.delete,
    problems: [],
    notes,
    autoscaler: autoscalerPlan(resource, index, first, templates.length),
    change: null,
  };
}

function podPlan(statefulSet: string, ordinal: number, domain: string | null, templates: ClaimTemplate[]): PodPlan {
  const name = podName(statefulSet, ordinal);
  return {
    ordinal,
    name,
    hostname: name,
    fqdn: domain ? `${name}.${domain}` : null,
    labels: { [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    claims: templates.map(({ name: template, storageClassInInputs: _found, ...claim }) => ({
      template,
      name: claimName(template, statefulSet, ordinal),
      ...claim,
    })),
  };
}

/**
 * Rolling updates replace pods from the highest ordinal down to the partition. The controller compares the
 * partition with the pod's position in the set (ordinal - start), so with ordinals.start the first replaced
 * ordinal is start + partition (stateful_set_control.go, updateStatefulSet; newVersionedStatefulSetPod).
 */
function updatePlan(value: unknown, pods: PodPlan[], first: number, notes: string[]): UpdatePlan {
  const strategy = isRecord(value) ? value : {};
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const partition = wholeNumber(rollingUpdate.partition, 0, 'spec.updateStrategy.rollingUpdate.partition', notes);
  const maxUnavailable =
    typeof rollingUpdate.maxUnavailable === 'number' || typeof rollingUpdate.maxUnavailable === 'string'
      ? rollingUpdate.maxUnavailable
      : null;
  const names = pods.map((pod) => pod.name);
  if (strategy.type === 'OnDelete') {
    return { strategy: 'OnDelete', partition, maxUnavailable, replaced: [], unchanged: names };
  }
  if (strategy.type !== undefined && strategy.type !== 'RollingUpdate') {
    notes.push(`spec.updateStrategy.type ${JSON.stringify(strategy.type)} is not RollingUpdate or OnDelete: planned as RollingUpdate`);
  }
  const replaced = pods.filter((pod) => pod.ordinal >= first + partition).map((pod) => pod.name);
  return {
    strategy: 'RollingUpdate',
    partition,
    maxUnavailable,
    replaced: replaced.reverse(),
    unchanged: names.filter((name) => !replaced.includes(name)),
  };
}

/** The StatefulSet's claim templates as the plan shows them; what cannot be planned is said in `notes`. */
export function claimTemplates(statefulSet: Resource, index: ResourceIndex, notes: string[] = []): ClaimTemplate[] {
  const value = statefulSet.object.spec?.volumeClaimTemplates;
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    notes.push('spec.volumeClaimTemplates is not a list: no claims planned');
  }
  return claimTemplatesOf(statefulSet).flatMap(({ template, path, name }) => {
    if (name === undefined) {
      notes.push(`spec.volumeClaimTemplates[${path[2]}] has no metadata.name: skipped`);
      return [];
    }
    const spec = isRecord(template.spec) ? template.spec : {};
    const claimClass = claimClassOf(template, path);
    return [
      {
        name,
        size: storageRequest(spec),
        accessModes: Array.isArray(spec.accessModes) ? spec.accessModes.filter((mode) => typeof mode === 'string') : [],
        storageClass: claimClass.name,
        storageClassInInputs: storageClassPlan(index, claimClass),
      },
    ];
  });
}

/** The StorageClass of the inputs a template's claims get, with the API server's defaults filled in. */
function storageClassPlan(index: ResourceIndex, claimClass: ClaimClass): StorageClassPlan | null {
  const found = storageClassOfClaim(index, claimClass);
  if (!found) return null;
  const { storageClass, viaDefault } = found;
  return {
    name: storageClass.name,
    default: viaDefault,
    ...storageClassFacts(storageClass),
    file: storageClass.source.path,
    line: rangeOf(storageClass, []).line,
  };
}

/** The range of pods, and of their claims, the autoscaler targeting the StatefulSet keeps. */
function autoscalerPlan(resource: Resource, index: ResourceIndex, first: number, templates: number): AutoscalerPlan | null {
  const count = replicaCount(resource, index);
  const autoscaler = count?.autoscaler;
  if (!count || !autoscaler) return null;
  return {
    kind: autoscaler.kind as AutoscalerPlan['kind'],
    name: autoscaler.name,
    file: autoscaler.source.path,
    line: rangeOf(autoscaler, []).line,
    pods: { min: count.min, max: count.max },
    ordinals: { first, last: count.max > 0 ? first + count.max - 1 : null },
    claims: { min: count.min * templates, max: count.max * templates },
  };
}

function storageRequest(spec: Spec): string | null {
  const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
  const storage = requests.storage;
  return typeof storage === 'string' || typeof storage === 'number' ? String(storage) : null;
}

function managementPolicy(value: unknown, notes: string[]): PodManagementPolicy {
  if (value === 'Parallel') return 'Parallel';
  if (value !== undefined && value !== null && value !== 'OrderedReady') {
    notes.push(`spec.podManagementPolicy ${JSON.stringify(value)} is not OrderedReady or Parallel: planned as OrderedReady`);
  }
  return 'OrderedReady';
}

function retentionPolicy(value: unknown, field: string, notes: string[]): RetentionPolicy {
  if (value === 'Delete') return 'Delete';
  if (value !== undefined && value !== null && value !== 'Retain') {
    // The controller treats an unknown policy as Retain (stateful_set_utils.go, isClaimOwnerUpToDate).
    notes.push(`persistentVolumeClaimRetentionPolicy.${field} ${JSON.stringify(value)} is not Retain or Delete: planned as Retain`);
  }
  return 'Retain';
}

function wholeNumber(value: unknown, fallback: number, field: string, notes: string[]): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  notes.push(`${field} is ${JSON.stringify(value)}, not a whole number: planned with the default ${fallback}`);
  return fallback;
}

function contextNotes(resource: Resource, index: ResourceIndex, replicas: number, scaleTo: readonly number[]): string[] {
  const notes: string[] = [];
  const metadata = isRecord(resource.object.metadata) ? resource.object.metadata : {};
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    notes.push(`metadata.name is not set: the API server appends a random suffix to generateName '${resource.name}', and the pods and claims are named after the result`);
  }
  const count = replicaCount(resource, index);
  if (count?.autoscaler) notes.push(`Runs ${describeReplicas(count)}: the plan follows spec.replicas`);
  if (Math.max(replicas, maxOf(scaleTo)) > MAX_LISTED_PODS) {
    notes.push(`Only the first ${MAX_LISTED_PODS} pods are listed`);
  }
  return notes;
}
