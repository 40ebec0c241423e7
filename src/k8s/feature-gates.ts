/**
 * The Kubernetes feature gates stslint's facts depend on, with the stage and default of each release: the one place
 * rules and `stslint plan` read them from.
 *
 * Sources: the versioned gate table `defaultVersionedKubernetesFeatureGates` in kubernetes/kubernetes
 * pkg/features/kube_features.go (v1.36.3, lines 1240 on; older releases for gates removed after GA), and
 * CHANGELOG/CHANGELOG-1.36.md for MaxUnavailableStatefulSet (#137904: turned off by default again in 1.36.0, and in
 * 1.35.4 by #137926, after a regression of Parallel pod management in 1.35.0).
 * What the API server does while a gate is off: pkg/registry/apps/statefulset/strategy.go
 * (dropStatefulSetDisabledFields: a new object loses the field); what the controller does:
 * pkg/controller/statefulset/stateful_set_utils.go (getStartOrdinal ignores spec.ordinals, initIdentity adds the
 * pod-index label only with PodIndexLabel) and stateful_set_control.go (maxUnavailable only with its gate).
 */
import { compareVersions } from './api-versions.js';

export type GateStage = 'alpha' | 'beta' | 'ga';

/** A gate from one release on, until the next step: its stage and whether clusters have it on by default. */
export interface GateStep {
  /** MAJOR.MINOR */
  version: string;
  stage: GateStage;
  onByDefault: boolean;
}

const alpha = (version: string): GateStep => ({ version, stage: 'alpha', onByDefault: false });
const beta = (version: string, onByDefault = true): GateStep => ({ version, stage: 'beta', onByDefault });
const ga = (version: string): GateStep => ({ version, stage: 'ga', onByDefault: true });

/** Each gate's steps, oldest first; a release before the first step does not know the gate (nor its field). */
export const FEATURE_GATES = {
  StatefulSetMinReadySeconds: [alpha('1.22'), beta('1.23'), ga('1.25')],
  StatefulSetAutoDeletePVC: [alpha('1.23'), beta('1.27'), ga('1.32')],
  StatefulSetStartOrdinal: [alpha('1.26'), beta('1.27'), ga('1.31')],
  PodIndexLabel: [beta('1.28'), ga('1.32')],
  JobPodReplacementPolicy: [alpha('1.28'), beta('1.29'), ga('1.34')],
  PDBUnhealthyPodEvictionPolicy: [alpha('1.26'), beta('1.27'), ga('1.31')],
  ReadWriteOncePod: [alpha('1.22'), beta('1.27'), ga('1.29')],
  // Beta on by default in 1.35.0 to 1.35.3 only; off by default from 1.35.4 and in 1.36 (see the sources above).
  MaxUnavailableStatefulSet: [alpha('1.24'), beta('1.35', false)],
} as const satisfies Record<string, readonly GateStep[]>;

export type GateName = keyof typeof FEATURE_GATES;

/**
 * The step of `gate` in Kubernetes `version` (MAJOR.MINOR), or undefined when that release does not have the gate
 * yet. Throws nothing; `version` must be a version compareVersions accepts.
 */
export function gateAt(gate: GateName, version: string): GateStep | undefined {
  const steps: readonly GateStep[] = FEATURE_GATES[gate];
  return steps.filter((step) => compareVersions(version, step.version) >= 0).at(-1);
}

/** Gates a cluster's administrators turn on or off (the `--feature-gates` of kube-apiserver and kube-controller-manager). */
export type GateSettings = Partial<Record<GateName, boolean>>;

/**
 * Whether `gate` is on in a cluster of `version` (MAJOR.MINOR) with `settings`: off in a release without the gate,
 * else as set, else its default (no settings: on unless the cluster's administrators turn it off).
 */
export function isEnabled(gate: GateName, version: string, settings: GateSettings = {}): boolean {
  const step = gateAt(gate, version);
  return step !== undefined && (settings[gate] ?? step.onByDefault);
}

/** The first release at `stage`, or undefined when the gate never reached it (MaxUnavailableStatefulSet: no GA). */
export function releaseAt(gate: GateName, stage: GateStage): string | undefined {
  const steps: readonly GateStep[] = FEATURE_GATES[gate];
  return steps.find((step) => step.stage === stage)?.version;
}

/**
 * Why a StatefulSet's `maxUnavailable` is refused where MaxUnavailableStatefulSet is on
 * (validateRollingUpdateStatefulSet, pkg/apis/apps/validation/validation.go: ValidatePositiveIntOrPercent, "cannot
 * be 0", IsNotMoreThan100Percent), as a phrase; undefined when it is valid. Fractions and other types are the
 * schema rule's and count as valid here.
 */
export function statefulSetMaxUnavailableProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    return value < 0 ? 'must be 0 or more' : value === 0 ? 'cannot be 0' : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const match = /^([0-9]+)%$/.exec(value);
  if (!match) return "must be an integer or a percentage such as '25%'";
  const percent = Number(match[1]);
  return percent === 0 ? 'cannot be 0' : percent > 100 ? 'must not be more than 100%' : undefined;
}
