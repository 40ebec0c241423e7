/**
 * The specs of workloads, PodDisruptionBudgets, Services and PersistentVolumeClaims as the API server validates
 * them beyond their schema: counts that must not be negative, int-or-percent fields (pkg/apis/apps/validation:
 * ValidatePositiveIntOrPercent, IsNotMoreThan100Percent; pkg/apis/policy/validation), selectors, Service ports
 * (pkg/apis/core/validation: validateServicePort, ValidatePortNumOrName) and claim resources.
 */
import { dnsLabelProblem, percentOf, portNameProblem } from '../../src/k8s/validation.js';
import { valueAt } from '../../src/schema/describe.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';
import { checkLabels, checkLabelsAndAnnotations, checkSelector } from './metadata.js';
import { checkNotNegative, checkPortNumber, checkResources } from './pod-spec.js';
import { report, shown, type Visit } from './problems.js';

/** Counts of each kind's spec that must be 0 or more (ValidateNonnegativeField in each kind's spec validation). */
const COUNTS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  StatefulSet: [['replicas'], ['minReadySeconds'], ['ordinals', 'start'], ['updateStrategy', 'rollingUpdate', 'partition']],
  Deployment: [['replicas'], ['minReadySeconds'], ['revisionHistoryLimit'], ['progressDeadlineSeconds']],
  ReplicaSet: [['replicas'], ['minReadySeconds']],
  DaemonSet: [['minReadySeconds'], ['revisionHistoryLimit']],
  Job: [['parallelism'], ['completions'], ['backoffLimit'], ['activeDeadlineSeconds'], ['ttlSecondsAfterFinished']],
  CronJob: [['startingDeadlineSeconds'], ['successfulJobsHistoryLimit'], ['failedJobsHistoryLimit']],
};

/** Workloads whose spec.selector must select something ("empty selector is invalid"). */
const NON_EMPTY_SELECTOR = new Set(['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet']);

export function checkSpec(visit: Visit): void {
  const { kind, object } = visit.resource;
  const spec = object.spec;
  if (!isRecord(spec)) return;
  for (const field of COUNTS[kind] ?? []) checkNotNegative(visit, valueAt(spec, field), ['spec', ...field]);
  if (NON_EMPTY_SELECTOR.has(kind) || kind === 'PodDisruptionBudget') checkSelector(visit, spec.selector, ['spec', 'selector'], NON_EMPTY_SELECTOR.has(kind));
  if (isRecord(spec.template) && isRecord(spec.template.metadata)) checkLabelsAndAnnotations(visit, spec.template.metadata, ['spec', 'template', 'metadata']);
  if (kind === 'Deployment') checkDeploymentStrategy(visit, spec);
  if (kind === 'DaemonSet') checkDaemonSetStrategy(visit, spec);
  if (kind === 'PodDisruptionBudget') {
    for (const field of ['minAvailable', 'maxUnavailable']) checkIntOrPercent(visit, spec[field], ['spec', field], true);
  }
  if (kind === 'Service') checkServicePorts(visit, spec);
  if (kind === 'Service' && isRecord(spec.selector)) checkLabels(visit, spec.selector, ['spec', 'selector']);
  if (kind === 'PersistentVolumeClaim') checkResources(visit, spec.resources, ['spec', 'resources']);
}

/** maxUnavailable and maxSurge default to 25% each; both 0 leaves the rollout nothing to do. */
function checkDeploymentStrategy(visit: Visit, spec: Record<string, unknown>): void {
  const path = ['spec', 'strategy', 'rollingUpdate'];
  const rollingUpdate = valueAt(spec, path.slice(1));
  if (!isRecord(rollingUpdate)) return;
  const unavailable = checkIntOrPercent(visit, rollingUpdate.maxUnavailable, [...path, 'maxUnavailable'], true);
  const surge = checkIntOrPercent(visit, rollingUpdate.maxSurge, [...path, 'maxSurge'], false);
  if (unavailable === 0 && surge === 0) report(visit, [...path, 'maxUnavailable'], 'zeroNotAllowed', { field: 'maxUnavailable', value: "0 while maxSurge is 0" });
}

/** Exactly one of maxUnavailable (default 1) and maxSurge (default 0) must be non-zero (ValidateRollingUpdateDaemonSet). */
function checkDaemonSetStrategy(visit: Visit, spec: Record<string, unknown>): void {
  const path = ['spec', 'updateStrategy', 'rollingUpdate'];
  const rollingUpdate = valueAt(spec, path.slice(1));
  if (!isRecord(rollingUpdate)) return;
  const unavailable = checkIntOrPercent(visit, rollingUpdate.maxUnavailable ?? 1, [...path, 'maxUnavailable'], true);
  const surge = checkIntOrPercent(visit, rollingUpdate.maxSurge ?? 0, [...path, 'maxSurge'], true);
  if (unavailable === undefined || surge === undefined) return;
  if (unavailable !== 0 && surge !== 0) {
    const data = { field: 'maxSurge', value: `non-zero while maxUnavailable is ${rollingUpdate.maxUnavailable === undefined ? '1 (its default)' : 'non-zero'}` };
    report(visit, rollingUpdate.maxSurge === undefined ? path : [...path, 'maxSurge'], 'zeroNotAllowed', data);
  }
  if (unavailable === 0 && surge === 0) report(visit, [...path, 'maxUnavailable'], 'zeroNotAllowed', { field: 'maxUnavailable', value: '0 while maxSurge is 0' });
}

/**
 * An int-or-string field that takes a count or a percentage (ValidatePositiveIntOrPercent): an integer of at
 * least 0, or `<digits>%`, at most 100% where `atMost100`. Returns the value as a number (the percentage for a
 * percent string) when it is valid, for the checks that compare it to 0; undefined otherwise. Fractions and
 * other types are the schema rule's.
 */
function checkIntOrPercent(visit: Visit, value: unknown, path: ObjectPath, atMost100: boolean): number | undefined {
  const field = String(path.at(-1));
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    if (value < 0) report(visit, path, 'negative', { field, value });
    return value < 0 ? undefined : value;
  }
  if (typeof value !== 'string') return undefined;
  const percent = percentOf(value);
  if (percent === undefined) {
    const hint = /^\d+$/.test(value.trim()) ? `; remove the quotes for a count of ${value.trim()}` : /^\d+\s+%$/.test(value.trim()) ? '; remove the space' : '';
    report(visit, path, 'invalidIntOrPercent', { field, value: shown(value), hint });
    return undefined;
  }
  if (atMost100 && percent > 100) report(visit, path, 'percentAbove100', { field, value: shown(value) });
  return percent;
}

/**
 * Service ports (validateServicePort): names are DNS-1123 labels, unique, and required when there are several ports; port numbers;
 * targetPort a port number or an IANA service name.
 */
function checkServicePorts(visit: Visit, spec: Record<string, unknown>): void {
  if (!Array.isArray(spec.ports)) return;
  const names = new Set<string>();
  const several = spec.ports.length > 1;
  spec.ports.forEach((port, i) => {
    if (!isRecord(port)) return;
    const at = ['spec', 'ports', i];
    if (several && (port.name === undefined || port.name === null || port.name === '')) report(visit, at, 'unnamedPort', {});
    if (typeof port.name === 'string' && port.name !== '') {
      const problem = dnsLabelProblem(port.name);
      if (problem) report(visit, [...at, 'name'], 'invalidListedName', { what: 'Service port', value: shown(port.name), reason: problem });
      else if (names.has(port.name)) report(visit, [...at, 'name'], 'duplicateName', { what: 'Service port', value: shown(port.name), other: 'another port of the Service' });
      names.add(port.name);
    }
    checkPortNumber(visit, port.port, [...at, 'port']);
    if (typeof port.targetPort === 'number') checkPortNumber(visit, port.targetPort, [...at, 'targetPort']);
    else if (typeof port.targetPort === 'string') {
      const problem = portNameProblem(port.targetPort);
      if (problem) report(visit, [...at, 'targetPort'], 'invalidListedName', { what: 'targetPort', value: shown(port.targetPort), reason: `${problem} (a port number, or an IANA service name)` });
    }
  });
}
