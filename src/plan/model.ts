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
} from './names.js';
import { POD_INDEX_LABEL, POD_NAME_LABEL } from '../k8s/pod-template.js';
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
import { gateAt, isEnabled, releaseAt, type GateName, type GateSettings } from '../k8s/feature-gates.js';
import { normalizeVersion } from '../k8s/api-versions.js';
import { DEFAULT_KUBERNETES_VERSION } from '../schema/versions.js';

export interface ModelOptions {
  clusterDomain: string;
  /** Target Kubernetes version, MAJOR.MINOR (default: the newest bundled): gated fields follow its defaults. */
  kubernetesVersion?: string;
  /** Gates the cluster turns on or off (`--feature-gates`); the others have the target version's defaults. */
  featureGates?: GateSettings;
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
  const version = targetVersion(options.kubernetesVersion);
  /** The value of a gated field as the cluster keeps it: its default while the gate is off (see gatedValue). */
  const gated = <T>(gate: GateName, field: string, value: T, fallback: T, effect: string) =>
    gatedValue({ gate, field, value, fallback, effect, version, settings: options.featureGates ?? {} }, notes);
  const name = resource.name;
  const replicas = wholeNumber(spec.replicas, 1, 'spec.replicas', notes);
  const start = wholeNumber(isRecord(spec.ordinals) ? spec.ordinals.start : undefined, 0, 'spec.ordinals.start', notes);
  const first = gated('StatefulSetStartOrdinal', 'spec.ordinals.start', start, 0, `the pods are numbered from 0, not ${start}`);
  const podManagementPolicy = managementPolicy(spec.podManagementPolicy, notes);
  const readySeconds = wholeNumber(spec.minReadySeconds, 0, 'spec.minReadySeconds', notes);
  const minReadySeconds = gated('StatefulSetMinReadySeconds', 'spec.minReadySeconds', readySeconds, 0, 'no pod waits after becoming Ready');
  const serviceName = typeof spec.serviceName === 'string' && spec.serviceName !== '' ? spec.serviceName : null;
  const domain = serviceName ? governingDomain(serviceName, resource.namespace, options.clusterDomain) : null;
  const retentionSpec = isRecord(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : {};
  const written = {
    whenDeleted: retentionPolicy(retentionSpec.whenDeleted, 'whenDeleted', notes),
    whenScaled: retentionPolicy(retentionSpec.whenScaled, 'whenScaled', notes),
  };
  const keepAll = { whenDeleted: 'Retain', whenScaled: 'Retain' } as const;
  const retention = gated('StatefulSetAutoDeletePVC', 'spec.persistentVolumeClaimRetentionPolicy', written, keepAll, 'every claim is kept');
  const templates = claimTemplates(resource, index, notes);
  const indexLabel = isEnabled('PodIndexLabel', version, options.featureGates);
  const pods = ordinalRange(first, replicas).map((ordinal) => podPlan({ statefulSet: name, ordinal, domain, templates, indexLabel }));
  const update = updatePlan(spec.updateStrategy, { pods, first, replicas }, notes, gated);
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

interface PodFacts {
  statefulSet: string;
  ordinal: number;
  domain: string | null;
  templates: ClaimTemplate[];
  /** Whether the controller adds the pod-index label (PodIndexLabel on by default, from 1.28). */
  indexLabel: boolean;
}

function podPlan({ statefulSet, ordinal, domain, templates, indexLabel }: PodFacts): PodPlan {
  const name = podName(statefulSet, ordinal);
  return {
    ordinal,
    name,
    hostname: name,
    fqdn: domain ? `${name}.${domain}` : null,
    labels: indexLabel ? { [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) } : { [POD_NAME_LABEL]: name },
    claims: templates.map(({ name: template, storageClassInInputs: _found, ...claim }) => ({
      template,
      name: claimName(template, statefulSet, ordinal),
      ...claim,
    })),
  };
}

interface UpdateFacts {
  pods: PodPlan[];
  first: number;
  replicas: number;
}

type Gated = <T>(gate: GateName, field: string, value: T, fallback: T, effect: string) => T;

/**
 * Rolling updates replace pods from the highest ordinal down to the partition. The controller compares the
 * partition with the pod's position in the set (ordinal - start), so with ordinals.start the first replaced
 * ordinal is start + partition (stateful_set_control.go, updateStatefulSet; newVersionedStatefulSetPod).
 * With MaxUnavailableStatefulSet on, up to maxUnavailable pods are replaced at once
 * (updateStatefulSetAfterInvariantEstablished); without it the API server drops the field.
 */
function updatePlan(value: unknown, facts: UpdateFacts, notes: string[], gated: Gated): UpdatePlan {
  const { pods, first } = facts;
  const strategy = isRecord(value) ? value : {};
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const partition = wholeNumber(rollingUpdate.partition, 0, 'spec.updateStrategy.rollingUpdate.partition', notes);
  const written = typeof rollingUpdate.maxUnavailable === 'number' || typeof rollingUpdate.maxUnavailable === 'string' ? rollingUpdate.maxUnavailable : null;
  const names = pods.map((pod) => pod.name);
  if (strategy.type === 'OnDelete') {
    return { strategy: 'OnDelete', partition, maxUnavailable: written, atOnce: 1, replaced: [], unchanged: names };
  }
  if (strategy.type !== undefined && strategy.type !== 'RollingUpdate') {
    notes.push(`spec.updateStrategy.type ${JSON.stringify(strategy.type)} is not RollingUpdate or OnDelete: planned as RollingUpdate`);
  }
  const effect = 'a rolling update replaces one pod at a time';
  const maxUnavailable = gated<number | string | null>('MaxUnavailableStatefulSet', 'spec.updateStrategy.rollingUpdate.maxUnavailable', written, null, effect);
  const replaced = pods.filter((pod) => pod.ordinal >= first + partition).map((pod) => pod.name);
  return {
    strategy: 'RollingUpdate',
    partition,
    maxUnavailable,
    atOnce: podsAtOnce(maxUnavailable, facts.replicas, notes),
    replaced: replaced.reverse(),
    unchanged: names.filter((name) => !replaced.includes(name)),
  };
}

/**
 * How many pods a rolling update takes down at once for a kept maxUnavailable: a whole number as it is, a
 * percentage of spec.replicas rounded down, at least 1 (getStatefulSetMaxUnavailable in stateful_set_utils.go, with
 * intstr.GetScaledValueFromIntOrPercent). 1 without the field; a value the API server refuses (0, over 100%, not a
 * number or percentage: validateRollingUpdateStatefulSet) is said in `notes` and planned as 1.
 */
export function podsAtOnce(maxUnavailable: number | string | null, replicas: number, notes: string[] = []): number {
  if (maxUnavailable === null) return 1;
  const percent = typeof maxUnavailable === 'string' ? /^(\d{1,3})%$/.exec(maxUnavailable) : null;
  const valid = percent ? Number(percent[1]) >= 1 && Number(percent[1]) <= 100 : Number.isSafeInteger(maxUnavailable) && Number(maxUnavailable) >= 1;
  if (!valid) {
    notes.push(`spec.updateStrategy.rollingUpdate.maxUnavailable ${JSON.stringify(maxUnavailable)} is not a whole number from 1 or a percentage from 1% to 100%: the API server refuses the StatefulSet; planned as 1`);
    return 1;
  }
  return percent ? Math.max(1, Math.floor((Number(percent[1]) * replicas) / 100)) : Number(maxUnavailable);
}

interface GatedField<T> {
  gate: GateName;
  /** The field as the API server names it. */
  field: string;
  value: T;
  /** The value the cluster has without the field. */
  fallback: T;
  /** What dropping the field changes, for the note. */
  effect: string;
  version: string;
  settings: GateSettings;
}

/**
 * A gated field's value as a cluster of the target version keeps it: the value written where the gate is on; else
 * `fallback`, with a note (the API server drops the field on create while its gate is off:
 * dropStatefulSetDisabledFields in pkg/registry/apps/statefulset/strategy.go; the controller ignores it too; a
 * release before the gate does not know the field). A value equal to the fallback needs no note.
 */
function gatedValue<T>({ gate, field, value, fallback, effect, version, settings }: GatedField<T>, notes: string[]): T {
  if (isEnabled(gate, version, settings) || JSON.stringify(value) === JSON.stringify(fallback)) return value;
  const step = gateAt(gate, version);
  const written = typeof value === 'object' ? '' : ` ${JSON.stringify(value)}`;
  const why = !step
    ? `Kubernetes ${version} does not know it (feature gate ${gate} came in ${releaseAt(gate, 'alpha') ?? releaseAt(gate, 'beta')})`
    : settings[gate] === false
      ? `feature gate ${gate} is turned off (--feature-gates)`
      : `feature gate ${gate} is ${step.stage} and off by default there`;
  const gateOn = step && settings[gate] === undefined ? ` (plan with --feature-gates ${gate}=true for a cluster that turns it on)` : '';
  notes.push(`${field}${written} is dropped by the API server of Kubernetes ${version}: ${why}, so ${effect}${gateOn}`);
  return fallback;
}

/** The target version as MAJOR.MINOR ('v1.29.3' → '1.29'): the newest bundled when not given. */
export function targetVersion(version: string | undefined): string {
  return normalizeVersion(version ?? DEFAULT_KUBERNETES_VERSION) ?? DEFAULT_KUBERNETES_VERSION;
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
