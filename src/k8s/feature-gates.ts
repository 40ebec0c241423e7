/**
 * The Kubernetes feature gates stslint's checks depend on, with the stage and default of each release: the one
 * place these facts live (feature-version warns from them, defaults.ts defaults from them, api-validation and the
 * StatefulSet helpers below validate and plan from them).
 *
 * Source: the versioned feature gate table of kubernetes/kubernetes, pkg/features/kube_features.go (read at
 * v1.36.3, and at v1.26.0, v1.32.0 and v1.33.0 for gates removed from it after going GA). MaxUnavailableStatefulSet
 * went beta in 1.35 on by default, then was turned off by default again from 1.35.4 and in 1.36
 * (kubernetes/kubernetes#137904, cherry-picked as #137926, after the regression #137409); the v1.36.3 table lists
 * 1.35 as beta and off, which is what stslint follows for a 1.35 target.
 */
import { compareVersions, normalizeVersion } from './api-versions.js';
import { scaledValue } from './int-or-percent.js';
import { isRecord } from '../util/guards.js';

/** One row of a gate's versioned table: from `version` (MAJOR.MINOR) on, the gate is at `stage`, on or off by default. */
export interface GateStage {
  version: string;
  stage: 'alpha' | 'beta' | 'ga';
  enabled: boolean;
}

export type FeatureGate =
  | 'JobPodReplacementPolicy'
  | 'MaxUnavailableStatefulSet'
  | 'PDBUnhealthyPodEvictionPolicy'
  | 'PodIndexLabel'
  | 'ReadWriteOncePod'
  | 'StatefulSetAutoDeletePVC'
  | 'StatefulSetStartOrdinal';

const alpha = (version: string): GateStage => ({ version, stage: 'alpha', enabled: false });
const beta = (version: string, enabled = true): GateStage => ({ version, stage: 'beta', enabled });
const ga = (version: string): GateStage => ({ version, stage: 'ga', enabled: true });

/** Each gate's rows, oldest first. */
export const FEATURE_GATES: Readonly<Record<FeatureGate, readonly GateStage[]>> = {
  JobPodReplacementPolicy: [alpha('1.28'), beta('1.29'), ga('1.34')],
  MaxUnavailableStatefulSet: [alpha('1.24'), beta('1.35', false)],
  PDBUnhealthyPodEvictionPolicy: [alpha('1.26'), beta('1.27'), ga('1.31')],
  // Introduced as beta, on by default (the controller labels pods with their ordinal).
  PodIndexLabel: [beta('1.28'), ga('1.32')],
  ReadWriteOncePod: [alpha('1.22'), beta('1.27'), ga('1.29')],
  StatefulSetAutoDeletePVC: [alpha('1.23'), beta('1.27'), ga('1.32')],
  StatefulSetStartOrdinal: [alpha('1.26'), beta('1.27'), ga('1.31')],
};

/** The row of `gate` in effect at `version` (MAJOR.MINOR, or MAJOR.MINOR.PATCH), or undefined before it existed. */
export function gateAt(gate: FeatureGate, version: string): GateStage | undefined {
  const target = normalizeVersion(version) ?? version;
  return FEATURE_GATES[gate].filter((row) => compareVersions(target, row.version) >= 0).at(-1);
}

/** True when `gate` is on by default in Kubernetes `version`. */
export function gateEnabled(gate: FeatureGate, version: string): boolean {
  return gateAt(gate, version)?.enabled ?? false;
}

/**
 * How many pods of a StatefulSet's rolling update the controller takes down at once in Kubernetes `version`: 1
 * while MaxUnavailableStatefulSet is off (the API server drops the field); with it on, `maxUnavailable` (default
 * 1) of `replicas`, a percentage rounded down, and never less than 1 (getStatefulSetMaxUnavailable,
 * pkg/controller/statefulset/stateful_set_utils.go). `strategy` is spec.updateStrategy as written; undefined for an
 * OnDelete strategy or a value the API server refuses (0, over 100%, not an int or percent).
 */
export function effectiveMaxUnavailable(strategy: unknown, replicas: number, version: string): number | undefined {
  const rollingUpdate = isRecord(strategy) ? strategy.rollingUpdate : undefined;
  if (isRecord(strategy) && strategy.type !== undefined && strategy.type !== null && strategy.type !== 'RollingUpdate') return undefined;
  if (!gateEnabled('MaxUnavailableStatefulSet', version)) return 1;
  const value = isRecord(rollingUpdate) && rollingUpdate.maxUnavailable !== undefined && rollingUpdate.maxUnavailable !== null ? rollingUpdate.maxUnavailable : 1;
  if (statefulSetMaxUnavailableProblem(value)) return undefined;
  return Math.max(1, scaledValue(value, replicas, false) ?? 1);
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
