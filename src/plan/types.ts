/**
 * The plan of `stslint plan` as plain data: what `--format json` and `--format yaml` print.
 * docs/plan.md documents every field; a change here is a change of that published structure.
 */

import type { GateSettings } from '../k8s/feature-gates.js';

export const PLAN_VERSION = 1;

export type RetentionPolicy = 'Retain' | 'Delete';
export type PodManagementPolicy = 'OrderedReady' | 'Parallel';
export type UpdateStrategy = 'RollingUpdate' | 'OnDelete';

export interface Plan {
  version: typeof PLAN_VERSION;
  /** The target Kubernetes version, MAJOR.MINOR: fields its API server drops are planned without (see notes). */
  kubernetesVersion: string;
  /** The gates `--feature-gates` turns on or off, by name; the others have the defaults of kubernetesVersion. */
  featureGates: GateSettings;
  clusterDomain: string;
  statefulSets: StatefulSetPlan[];
  /** Problems not tied to one StatefulSet: unreadable files, YAML syntax errors, objects without kind or name. */
  inputProblems: PlanProblem[];
}

export interface StatefulSetPlan {
  name: string;
  namespace: string;
  file: string;
  line: number;
  replicas: number;
  /** First and last ordinal; `last` is null with 0 replicas. */
  ordinals: { first: number; last: number | null };
  podManagementPolicy: PodManagementPolicy;
  minReadySeconds: number;
  serviceName: string | null;
  /** `<service>.<namespace>.svc.<cluster-domain>`, or null without serviceName. */
  governingDomain: string | null;
  retention: { whenDeleted: RetentionPolicy; whenScaled: RetentionPolicy };
  claimTemplates: ClaimTemplate[];
  pods: PodPlan[];
  order: OrderPlan;
  update: UpdatePlan;
  /** One step per `--replicas` value, in the order given; empty without `--replicas`. */
  scale: ScaleStep[];
  /** What deleting the StatefulSet does (after the scale steps); null without `--delete`. */
  delete: DeletePlan | null;
  problems: PlanProblem[];
  /** Facts the plan relies on that the manifest alone does not settle (invalid values, an autoscaler...). */
  notes: string[];
  /** The HorizontalPodAutoscaler or KEDA ScaledObject of the inputs that scales the StatefulSet; null without one. */
  autoscaler: AutoscalerPlan | null;
  /** What applying the manifests does to the StatefulSet that runs now (`--base`, `--base-files`); null without a base. */
  change: StatefulSetChange | null;
}

export interface AutoscalerPlan {
  kind: 'HorizontalPodAutoscaler' | 'ScaledObject';
  name: string;
  file: string;
  line: number;
  /** The fewest and the most pods it keeps (HPA minReplicas, default 1, to maxReplicas; ScaledObject idleReplicaCount or minReplicaCount, default 0, to maxReplicaCount, default 100). */
  pods: { min: number; max: number };
  /** The ordinals of the most pods; `last` is null when `pods.max` is 0. */
  ordinals: { first: number; last: number | null };
  /** Claims of the fewest and of the most pods: one per claim template and pod. */
  claims: { min: number; max: number };
}

/** `new` and `deleted` are relative to the base: a deleted StatefulSet is planned from its base object. */
export type ChangeStatus = 'new' | 'unchanged' | 'changed' | 'deleted';

export interface StatefulSetChange {
  status: ChangeStatus;
  /** Where the base declares the StatefulSet (`HEAD~1:deploy/db.yaml` for --base); null for a new one. */
  base: { file: string; line: number } | null;
  /** What differs from the base after the API defaults, without what the server owns (status, server metadata). */
  fields: FieldChange[];
  /** What a template change does: the update plan of the new spec; null when the template does not change. */
  rollout: UpdatePlan | null;
  /** The replica change, from the base's count to the new one; null when it does not change. */
  scale: ScaleStep | null;
  /** The API server refuses the update: what it refuses and what works instead; null when it accepts it. */
  refused: RefusedUpdate | null;
  /** Claim templates whose storage request grows: the existing claims to grow one by one. */
  storage: StorageGrowth[];
}

export interface FieldChange {
  /** The field as the API server names it: `spec.template.spec.containers[0].image`. */
  path: string;
  /** The base's value and the new one; null when not set. */
  old: unknown;
  new: unknown;
  /** False when the API server refuses to change it. */
  allowed: boolean;
}

export interface RefusedUpdate {
  /** The fields the API server refuses to change. */
  fields: string[];
  /** Commands that apply the change instead, in order. */
  commands: string[];
  /** What those commands do not do. */
  notes: string[];
}

export interface StorageGrowth {
  /** The claim template. */
  template: string;
  from: string;
  to: string;
  /** The claims' StorageClass (null: the cluster's default; "": none). */
  storageClass: string | null;
  /** Whether the StorageClass among the inputs allows volume expansion; unknown when it is not among them. */
  expansion: 'allowed' | 'refused' | 'unknown';
  /** Why, in one sentence. */
  reason: string;
  /** The existing claims (the base's ordinals), each with the command that grows it. */
  claims: { name: string; command: string }[];
}

export interface ClaimTemplate {
  name: string;
  /** `spec.resources.requests.storage` as written, or null. */
  size: string | null;
  accessModes: string[];
  /** null: the cluster's default StorageClass; '': no class (binds only to pre-created volumes without one). */
  storageClass: string | null;
  /** The StorageClass of the inputs the claims get: the one named, or for `storageClass: null` the one marked default; null when the inputs declare none that applies. */
  storageClassInInputs: StorageClassPlan | null;
}

export interface StorageClassPlan {
  name: string;
  /** True when the template names no class and this StorageClass is marked default (storageclass.kubernetes.io/is-default-class). */
  default: boolean;
  /** `provisioner` as written, or null. */
  provisioner: string | null;
  /** `volumeBindingMode`, `Immediate` when unset. */
  volumeBindingMode: string;
  /** `reclaimPolicy`, `Delete` when unset. */
  reclaimPolicy: string;
  /** `allowVolumeExpansion`, false when unset. */
  allowVolumeExpansion: boolean;
  file: string;
  /** The line of its `kind:` key. */
  line: number;
}

export interface PodPlan {
  ordinal: number;
  name: string;
  hostname: string;
  /** `<pod>.<governing domain>`, or null without serviceName. */
  fqdn: string | null;
  labels: Record<string, string>;
  claims: ClaimPlan[];
}

export interface ClaimPlan extends Omit<ClaimTemplate, 'name' | 'storageClassInInputs'> {
  /** The claim template's name. */
  template: string;
  /** `<template>-<statefulset>-<ordinal>`. */
  name: string;
}

export interface OrderPlan {
  /** OrderedReady: one pod at a time, each waiting for the previous; Parallel: all together. */
  oneAtATime: boolean;
  create: string[];
  stop: string[];
}

export interface UpdatePlan {
  strategy: UpdateStrategy;
  partition: number;
  /** As the cluster keeps it: null when not set or dropped (MaxUnavailableStatefulSet off in the target version). */
  maxUnavailable: number | string | null;
  /** Pods a rolling update takes down at once: maxUnavailable as the controller scales it (a percentage of replicas, rounded down, at least 1); 1 without it. */
  atOnce: number;
  /** Pods a template change replaces, in the order the controller replaces them (none with OnDelete). */
  replaced: string[];
  /** Pods a template change leaves on the old template. */
  unchanged: string[];
}

export type ClaimEffect = 'created' | 'reattached' | 'kept' | 'deleted';

export interface ClaimChange {
  name: string;
  pod: string;
  effect: ClaimEffect;
}

export interface ScaleStep {
  from: number;
  to: number;
  oneAtATime: boolean;
  /** Pods created, in creation order. */
  created: string[];
  /** Pods deleted, in deletion order (highest ordinal first). */
  deleted: string[];
  /** Claims of the created and deleted pods. */
  claims: ClaimChange[];
}

export interface DeletePlan {
  whenDeleted: RetentionPolicy;
  /** The pods the StatefulSet still has; the controller guarantees no order when the StatefulSet is deleted. */
  pods: string[];
  /** Every claim that exists at that point, including those kept by earlier scale-downs. */
  claims: ClaimChange[];
}

export interface PlanProblem {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
