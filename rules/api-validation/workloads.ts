/**
 * The specs of workloads, PodDisruptionBudgets, Services and PersistentVolumeClaims as the API server validates
 * them beyond their schema: counts that must not be negative, int-or-percent fields (pkg/apis/apps/validation:
 * ValidatePositiveIntOrPercent, IsNotMoreThan100Percent; pkg/apis/policy/validation), selectors, Service ports
 * (pkg/apis/core/validation: validateServicePort, ValidatePortNumOrName) and claim resources.
 */
import { isEnabled, statefulSetMaxUnavailableProblem } from '../../src/k8s/feature-gates.js';
import { parseQuantity } from '../../src/k8s/quantity.js';
import { configMapKeyProblem, dnsLabelProblem, dnsSubdomainProblem, isBase64, isIpAddress, percentOf, portNameProblem, qualifiedNameProblem } from '../../src/k8s/validation.js';
import { valueAt } from '../../src/schema/describe.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';
import { checkLabels, checkLabelsAndAnnotations, checkSelector } from './metadata.js';
import { checkNotNegative, checkPortNumber, checkResources } from './pod-spec.js';
import { atLeast, report, shown, type Visit } from './problems.js';

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
  if (kind === 'ConfigMap' || kind === 'Secret') checkDataKeys(visit, object);
  if (kind === 'StorageClass') checkStorageClass(visit, object);
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
  if (kind === 'Service') checkService(visit, spec);
  if (kind === 'PersistentVolumeClaim') checkClaim(visit, spec);
  if (kind === 'StatefulSet') checkStatefulSet(visit, spec);
  if (kind === 'Deployment') checkDeploymentDeadline(visit, spec);
}

/**
 * A StatefulSet's serviceName is a DNS-1123 label from 1.33 (ValidateStatefulSetSpec; statefulset-service-name
 * warns about it before); each claim template's name becomes a pod volume name, a DNS-1123 label.
 */
function checkStatefulSet(visit: Visit, spec: Record<string, unknown>): void {
  checkStatefulSetStrategy(visit, spec);
  if (atLeast(visit.version, '1.33') && typeof spec.serviceName === 'string' && spec.serviceName !== '') {
    const problem = dnsLabelProblem(spec.serviceName);
    if (problem) report(visit, ['spec', 'serviceName'], 'invalidName', { what: 'spec.serviceName', value: shown(spec.serviceName), reason: problem, rule: 'a DNS-1123 label' });
  }
  if (!Array.isArray(spec.volumeClaimTemplates)) return;
  spec.volumeClaimTemplates.forEach((claim, i) => {
    if (isRecord(claim) && isRecord(claim.spec)) checkClaim(visit, claim.spec, ['spec', 'volumeClaimTemplates', i, 'spec']);
    const name = isRecord(claim) && isRecord(claim.metadata) ? claim.metadata.name : undefined;
    const problem = typeof name === 'string' && name !== '' ? dnsLabelProblem(name) : undefined;
    if (problem) {
      report(visit, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name'], 'invalidListedName', { what: 'claim template (a pod volume)', value: shown(name), reason: problem });
    }
  });
}

/**
 * A StatefulSet's update strategy (ValidateStatefulSetSpec, validateRollingUpdateStatefulSet): no rollingUpdate
 * with OnDelete; where MaxUnavailableStatefulSet is on in the target version (src/k8s/feature-gates.ts), a
 * maxUnavailable that is an int or percent, not 0 and at most 100%. While the gate is off the API server drops
 * maxUnavailable before validating (dropStatefulSetDisabledFields), so nothing about it is refused then.
 */
function checkStatefulSetStrategy(visit: Visit, spec: Record<string, unknown>): void {
  const strategy = spec.updateStrategy;
  if (!isRecord(strategy) || !isRecord(strategy.rollingUpdate)) return;
  const path = ['spec', 'updateStrategy', 'rollingUpdate'];
  if (strategy.type === 'OnDelete') {
    return report(visit, path, 'forbidden', { what: 'rollingUpdate', reason: "is only allowed for updateStrategy type 'RollingUpdate', not 'OnDelete'" });
  }
  const value = strategy.rollingUpdate.maxUnavailable;
  if (value === undefined || value === null || !isEnabled('MaxUnavailableStatefulSet', visit.version)) return;
  const problem = statefulSetMaxUnavailableProblem(value);
  if (problem) report(visit, [...path, 'maxUnavailable'], 'forbidden', { what: `maxUnavailable ${shown(value)}`, reason: problem });
}

/** progressDeadlineSeconds, when set, must be more than minReadySeconds (default 0). */
function checkDeploymentDeadline(visit: Visit, spec: Record<string, unknown>): void {
  const deadline = spec.progressDeadlineSeconds;
  const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  if (typeof deadline === 'number' && Number.isInteger(deadline) && deadline >= 0 && deadline <= minReady) {
    report(visit, ['spec', 'progressDeadlineSeconds'], 'forbidden', { what: `progressDeadlineSeconds ${deadline}`, reason: `must be more than minReadySeconds (${minReady})` });
  }
  const strategy = spec.strategy;
  if (isRecord(strategy) && strategy.type === 'Recreate' && isRecord(strategy.rollingUpdate)) {
    report(visit, ['spec', 'strategy', 'rollingUpdate'], 'forbidden', { what: 'rollingUpdate', reason: 'may not be set when the strategy type is Recreate' });
  }
}

/**
 * A claim's spec at `path` (a PersistentVolumeClaim's, or a StatefulSet claim template's; ValidatePersistentVolumeClaimSpec):
 * access modes, ReadWriteOncePod alone, a storage request above zero, quantities.
 */
function checkClaim(visit: Visit, spec: Record<string, unknown>, path: ObjectPath = ['spec']): void {
  const modes = Array.isArray(spec.accessModes) ? spec.accessModes : [];
  if (modes.length === 0) report(visit, spec.accessModes === undefined ? path : [...path, 'accessModes'], 'required', { what: 'at least one access mode', reason: '' });
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) report(visit, [...path, 'accessModes'], 'forbidden', { what: 'ReadWriteOncePod', reason: 'may not be used with other access modes' });
  const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
  if (requests.storage === undefined || requests.storage === null) {
    report(visit, isRecord(spec.resources) ? [...path, 'resources'] : path, 'required', { what: 'resources.requests.storage', reason: '' });
  } else if (parseQuantity(requests.storage) === 0) {
    report(visit, [...path, 'resources', 'requests', 'storage'], 'forbidden', { what: `storage request ${shown(requests.storage)}`, reason: 'must be more than zero' });
  }
  checkResources(visit, spec.resources, [...path, 'resources']);
}

/** ConfigMap and Secret keys (IsConfigMapKey), unique across data and binaryData; Secret data in base64. */
function checkDataKeys(visit: Visit, object: Record<string, unknown>): void {
  const fields = visit.resource.kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData'];
  const seen = new Set<string>();
  for (const field of fields) {
    if (!isRecord(object[field])) continue;
    for (const [key, value] of Object.entries(object[field] as Record<string, unknown>)) {
      const problem = configMapKeyProblem(key);
      if (problem) report(visit, [field, key], 'invalidDataKey', { value: shown(key), reason: problem });
      else if (seen.has(key) && field === 'binaryData') report(visit, [field, key], 'invalidDataKey', { value: shown(key), reason: 'is also in data' });
      seen.add(key);
      if (visit.resource.kind === 'Secret' && field === 'data' && typeof value === 'string' && !isBase64(value)) {
        visit.problems.push({ path: [field, key], messageId: 'notBase64', data: { key: shown(key), name: shown(visit.resource.name) } });
      }
    }
  }
}

/** A StorageClass's provisioner is a qualified name, its reclaimPolicy Delete or Retain (validateReclaimPolicy). */
function checkStorageClass(visit: Visit, object: Record<string, unknown>): void {
  if (typeof object.provisioner === 'string' && object.provisioner !== '') {
    // validateProvisioner checks the provisioner lowercased.
    const problem = qualifiedNameProblem(object.provisioner.toLowerCase());
    if (problem) report(visit, ['provisioner'], 'invalidKey', { what: 'provisioner', value: shown(object.provisioner), reason: problem });
  }
  const policy = object.reclaimPolicy;
  if (typeof policy === 'string' && policy !== 'Delete' && policy !== 'Retain') {
    report(visit, ['reclaimPolicy'], 'forbidden', { what: `reclaimPolicy ${shown(policy)}`, reason: 'must be Delete or Retain' });
  }
}

/**
 * A Service (validateService): ports, required unless it is headless or an ExternalName Service; an ExternalName
 * Service names its externalName (a DNS-1123 subdomain, a trailing dot allowed) and sets no cluster IP, IP families
 * or IP family policy; NodePort and LoadBalancer Services are not headless; nodePort only for NodePort and
 * LoadBalancer Services, unique per protocol; externalTrafficPolicy only for Services reachable from outside
 * (NodePort, LoadBalancer, ClusterIP with externalIPs); its selector is a map of labels.
 */
function checkService(visit: Visit, spec: Record<string, unknown>): void {
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  // The registry copies clusterIP into clusterIPs when clusterIPs is empty; headless is clusterIPs == [None].
  const clusterIPs = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? spec.clusterIPs : undefined;
  const headlessPath = clusterIPs ? ['spec', 'clusterIPs', 0] : ['spec', 'clusterIP'];
  const headless = clusterIPs ? clusterIPs.length === 1 && clusterIPs[0] === 'None' : spec.clusterIP === 'None';
  if ((!Array.isArray(spec.ports) || spec.ports.length === 0) && !headless && type !== 'ExternalName') {
    report(visit, Array.isArray(spec.ports) ? ['spec', 'ports'] : ['spec'], 'required', { what: 'at least one port', reason: ` in a ${type} Service that is not headless` });
  }
  if (type === 'ExternalName') checkExternalName(visit, spec);
  // clusterIP: None (headless), empty (allocated) or an IP address (validateServiceClusterIPs).
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && spec.clusterIP !== 'None' && !isIpAddress(spec.clusterIP)) {
    report(visit, ['spec', 'clusterIP'], 'forbidden', { what: `clusterIP ${shown(spec.clusterIP)}`, reason: "must be an IP address, 'None' (headless) or empty" });
  }
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (external && headless) report(visit, headlessPath, 'forbidden', { what: 'the cluster IP', reason: `may not be 'None' (headless) in a ${type} Service` });
  // ExternallyAccessible (pkg/api/service/util.go): NodePort, LoadBalancer, or ClusterIP with external IPs.
  const externallyAccessible = external || (type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (!externallyAccessible && typeof spec.externalTrafficPolicy === 'string' && spec.externalTrafficPolicy !== '') {
    const reason = `may only be set for NodePort and LoadBalancer Services, and ClusterIP Services with externalIPs, not this ${type} Service`;
    report(visit, ['spec', 'externalTrafficPolicy'], 'forbidden', { what: 'externalTrafficPolicy', reason });
  }
  checkServicePorts(visit, spec, type);
  if (isRecord(spec.selector)) checkLabels(visit, spec.selector, ['spec', 'selector']);
}

/** An ExternalName Service: an externalName that is a DNS-1123 subdomain (trailing dot allowed); no cluster IPs, IP families or policy. */
function checkExternalName(visit: Visit, spec: Record<string, unknown>): void {
  const name = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
  if (name === '') report(visit, ['spec', 'type'], 'required', { what: 'spec.externalName', reason: ' in an ExternalName Service' });
  const problem = name === '' ? undefined : dnsSubdomainProblem(name);
  if (problem) report(visit, ['spec', 'externalName'], 'invalidName', { what: 'spec.externalName', value: shown(spec.externalName), reason: problem, rule: 'a DNS-1123 subdomain' });
  const clusterIPSet = (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) || (typeof spec.clusterIP === 'string' && spec.clusterIP !== '');
  const fields: [string, boolean][] = [
    [Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? 'clusterIPs' : 'clusterIP', clusterIPSet],
    ['ipFamilies', Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0],
    ['ipFamilyPolicy', spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null],
  ];
  for (const [field, set] of fields) {
    if (set) report(visit, ['spec', field], 'forbidden', { what: field, reason: 'may not be set for an ExternalName Service' });
  }
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
function checkServicePorts(visit: Visit, spec: Record<string, unknown>, type: string): void {
  if (!Array.isArray(spec.ports)) return;
  const names = new Set<string>();
  const ports = new Set<string>();
  const nodePorts = new Set<string>();
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
    const key = `${port.port}/${port.protocol ?? 'TCP'}`;
    if (typeof port.port === 'number' && ports.has(key)) report(visit, at, 'duplicateServicePort', { value: shown(key) });
    ports.add(key);
    if (type === 'ClusterIP' && typeof port.nodePort === 'number' && port.nodePort !== 0) {
      report(visit, [...at, 'nodePort'], 'forbidden', { what: 'nodePort', reason: 'may only be set for NodePort and LoadBalancer Services' });
    }
    const nodePort = `${port.nodePort}/${port.protocol ?? 'TCP'}`;
    if (typeof port.nodePort === 'number' && port.nodePort !== 0 && nodePorts.has(nodePort)) {
      report(visit, [...at, 'nodePort'], 'forbidden', { what: `nodePort ${shown(nodePort)}`, reason: 'is already used by another port of the Service' });
    }
    nodePorts.add(nodePort);
    // targetPort 0 (or unset) is defaulted to port.
    if (typeof port.targetPort === 'number' && port.targetPort !== 0) checkPortNumber(visit, port.targetPort, [...at, 'targetPort']);
    else if (typeof port.targetPort === 'string') {
      const problem = portNameProblem(port.targetPort);
      if (problem) report(visit, [...at, 'targetPort'], 'invalidListedName', { what: 'targetPort', value: shown(port.targetPort), reason: `${problem} (a port number, or an IANA service name)` });
    }
  });
}
