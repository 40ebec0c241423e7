/**
 * A pod spec as the API server validates it (pkg/apis/core/validation/validation.go: validateContainers,
 * ValidateVolumes, validateContainerPorts, ValidateEnv, ValidateResourceRequirements, validateProbe; duplicate
 * ports from pkg/api/pod/warnings.go), for a Pod or the pod template of a workload.
 */
import { containersOf, type ContainerAt, type PodSpecAt } from '../../src/k8s/pod-template.js';
import { parseQuantity } from '../../src/k8s/quantity.js';
import {
  containerResourceNameProblem,
  descendingPathProblem,
  dnsLabelProblem,
  envVarNameProblem,
  isNotOvercommitable,
  portNameProblem,
  portNumberProblem,
  quantityProblem,
} from '../../src/k8s/validation.js';
import { showPath } from '../../src/schema/describe.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';
import { atLeast, report, shown, type Visit } from './problems.js';

const LIST_NAMES = { containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' } as const;
const LIST_ORDER = ['containers', 'initContainers', 'ephemeralContainers'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** Workloads whose pods must restart (restartPolicy Always) and may not have an activeDeadlineSeconds. */
const LONG_RUNNING = new Set(['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet']);
const MAX_INT32 = 2147483647;

export function checkPodSpec(visit: Visit, { spec, path }: PodSpecAt): void {
  checkPodFields(visit, spec, path);
  // The API server checks containers first, then init and ephemeral containers against them.
  const containers = [...containersOf(spec, path)].sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list));
  checkUniqueNames(visit, containers.map(({ container, path: at, list }) => ({ name: container.name, path: [...at, 'name'], what: LIST_NAMES[list] })));
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  checkUniqueNames(visit, volumes.map((volume, i) => ({ name: isRecord(volume) ? volume.name : undefined, path: [...path, 'volumes', i, 'name'], what: 'volume' })));
  const ports = new Map<string, ObjectPath>();
  // Host ports conflict across the regular containers together, and within each init container alone (init
  // containers run one at a time): checkHostPortConflicts in validateContainers and validateInitContainers.
  const hostPorts = new Map<string, ObjectPath>();
  for (const container of containersOf(spec, path)) {
    if (container.list !== 'ephemeralContainers') checkHostPorts(visit, container, container.list === 'containers' ? hostPorts : new Map());
    checkVolumeMounts(visit, container);
    if (container.list !== 'ephemeralContainers' && (typeof container.container.image !== 'string' || container.container.image.trim() === '')) {
      report(visit, container.container.image === undefined ? container.path : [...container.path, 'image'], 'required', { what: `the image of ${LIST_NAMES[container.list]} ${shown(container.container.name)}`, reason: '' });
    }
    // validatePodHostNetworkDeps checks the regular containers only.
    checkPorts(visit, container, ports, spec.hostNetwork === true && container.list === 'containers');
    checkEnv(visit, container);
    checkResources(visit, container.container.resources, [...container.path, 'resources'], true);
    for (const probe of PROBES) {
      const value = container.container[probe];
      if (!isRecord(value)) continue;
      for (const field of PROBE_COUNTS) checkNotNegative(visit, value[field], [...container.path, probe, field]);
      // Liveness and startup probes succeed once (0 is defaulted to 1; negatives are reported above).
      const threshold = value.successThreshold;
      if (probe !== 'readinessProbe' && typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 1) {
        report(visit, [...container.path, probe, 'successThreshold'], 'mustBeOne', { probe, value: threshold });
      }
    }
  }
}

/**
 * Pod-level fields (ValidatePodSpec, and each workload's spec validation): at least one container, an
 * activeDeadlineSeconds of 1 to 2^31-1 (none at all for long-running workloads), the restart policy the kind
 * allows (Always for workloads; OnFailure or Never for Jobs, where Always is the default), and a dnsConfig when
 * dnsPolicy is None.
 */
function checkPodFields(visit: Visit, spec: Record<string, unknown>, path: ObjectPath): void {
  const { kind } = visit.resource;
  if (Array.isArray(spec.containers) && spec.containers.length === 0) report(visit, [...path, 'containers'], 'required', { what: 'at least one container', reason: '' });
  const deadline = spec.activeDeadlineSeconds;
  if (LONG_RUNNING.has(kind) && deadline !== undefined && deadline !== null) {
    report(visit, [...path, 'activeDeadlineSeconds'], 'forbidden', { what: 'activeDeadlineSeconds', reason: `is not supported in a ${kind}'s pod template` });
  } else if (typeof deadline === 'number' && Number.isInteger(deadline) && (deadline < 1 || deadline > MAX_INT32)) {
    report(visit, [...path, 'activeDeadlineSeconds'], 'forbidden', { what: `activeDeadlineSeconds ${deadline}`, reason: `must be between 1 and ${MAX_INT32}` });
  }
  const policy = spec.restartPolicy;
  if (LONG_RUNNING.has(kind) && typeof policy === 'string' && policy !== 'Always' && policy !== '') {
    report(visit, [...path, 'restartPolicy'], 'forbidden', { what: `restartPolicy ${shown(policy)}`, reason: `is not allowed in a ${kind}'s pod template: only Always is` });
  }
  if ((kind === 'Job' || kind === 'CronJob') && policy !== 'OnFailure' && policy !== 'Never' && (policy === undefined || policy === null || typeof policy === 'string')) {
    const what = policy === undefined || policy === null || policy === '' ? 'restartPolicy (which defaults to Always)' : `restartPolicy ${shown(policy)}`;
    report(visit, policy === undefined || policy === null ? path : [...path, 'restartPolicy'], 'forbidden', { what, reason: 'must be OnFailure or Never in a Job' });
  }
  if (spec.dnsPolicy === 'None' && (spec.dnsConfig === undefined || spec.dnsConfig === null)) {
    report(visit, [...path, 'dnsPolicy'], 'required', { what: 'dnsConfig', reason: ' when dnsPolicy is None' });
  }
}

interface Named {
  name: unknown;
  path: ObjectPath;
  what: string;
}

/** Names that must be DNS-1123 labels and unique in their list (containers of all three lists together; volumes). */
function checkUniqueNames(visit: Visit, items: Named[]): void {
  const seen = new Map<string, Named>();
  for (const item of items) {
    if (item.name === '') report(visit, item.path, 'required', { what: `a ${item.what} name`, reason: '' });
    if (typeof item.name !== 'string' || item.name === '') continue;
    const problem = dnsLabelProblem(item.name);
    if (problem) report(visit, item.path, 'invalidListedName', { what: item.what, value: shown(item.name), reason: problem });
    const first = seen.get(item.name);
    if (first) report(visit, item.path, 'duplicateName', { what: item.what, value: shown(item.name), other: `${first.what} at ${showPath(first.path.slice(0, -1))}` });
    else seen.set(item.name, item);
  }
}

/**
 * Container ports: names are IANA service names, unique in their container; containerPort and a non-zero hostPort
 * are port numbers. Two ports of the pod with the same containerPort, protocol, hostIP and hostPort are only warned
 * about by the API server ("duplicate port definition"), so that finding is a warning.
 */
function checkPorts(visit: Visit, { container, path }: ContainerAt, seen: Map<string, ObjectPath>, hostNetwork: boolean): void {
  if (!Array.isArray(container.ports)) return;
  const names = new Set<string>();
  container.ports.forEach((port, i) => {
    if (!isRecord(port)) return;
    const at = [...path, 'ports', i];
    if (typeof port.name === 'string' && port.name !== '') {
      const problem = portNameProblem(port.name);
      if (problem) report(visit, [...at, 'name'], 'invalidListedName', { what: 'port', value: shown(port.name), reason: `${problem} (an IANA service name)` });
      else if (names.has(port.name)) report(visit, [...at, 'name'], 'duplicateName', { what: 'port', value: shown(port.name), other: `another port of ${showPath(path)}` });
      names.add(port.name);
    }
    checkPortNumber(visit, port.containerPort, [...at, 'containerPort']);
    if (port.hostPort !== 0) checkPortNumber(visit, port.hostPort, [...at, 'hostPort']);
    // With hostNetwork, a pod's host port is its container port (0, unset, is defaulted to it).
    if (hostNetwork && typeof port.hostPort === 'number' && port.hostPort !== 0 && typeof port.containerPort === 'number' && port.hostPort !== port.containerPort) {
      report(visit, [...at, 'hostPort'], 'forbidden', { what: `hostPort ${port.hostPort}`, reason: `must match containerPort ${port.containerPort} when hostNetwork is true` });
    }
    if (typeof port.containerPort !== 'number' || (typeof port.hostPort === 'number' && port.hostPort !== 0)) return;
    const key = `${port.containerPort}/${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${port.hostPort ?? 0}`;
    const first = seen.get(key);
    if (!first) seen.set(key, at);
    else report(visit, at, 'duplicatePort', { port: `${port.containerPort}/${port.protocol ?? 'TCP'}`, other: showPath(first) }, 'warning');
  });
}

/**
 * Host ports of a container added to `seen` (AccumulateUniqueHostPorts): a non-zero hostPort may appear once per
 * protocol (default TCP) and hostIP. Reported at the second hostPort, with where the first is.
 */
function checkHostPorts(visit: Visit, { container, path }: ContainerAt, seen: Map<string, ObjectPath>): void {
  if (!Array.isArray(container.ports)) return;
  container.ports.forEach((port, i) => {
    if (!isRecord(port) || typeof port.hostPort !== 'number' || !Number.isInteger(port.hostPort) || port.hostPort === 0) return;
    const key = `${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${port.hostPort}`;
    const at = [...path, 'ports', i, 'hostPort'];
    const first = seen.get(key);
    if (!first) seen.set(key, at);
    else report(visit, at, 'duplicateHostPort', { port: shown(`${port.hostPort}/${port.protocol ?? 'TCP'}${port.hostIP ? ` on ${port.hostIP}` : ''}`), other: showPath(first.slice(0, -1)) });
  });
}

/**
 * A container's volumeMounts (ValidateVolumeMounts, validateLocalDescendingPath, validateMountPropagation,
 * validateMountRecursiveReadOnly): a mountPath, unique in the container; subPath and subPathExpr relative, without
 * a '..' element, and not both; Bidirectional propagation only in a privileged container; recursiveReadOnly
 * Enabled or IfPossible only on a readOnly mount. Volume names are volume-mount-unknown's.
 */
function checkVolumeMounts(visit: Visit, { container, path }: ContainerAt): void {
  if (!Array.isArray(container.volumeMounts)) return;
  const mountPaths = new Map<string, number>();
  const privileged = isRecord(container.securityContext) && container.securityContext.privileged === true;
  container.volumeMounts.forEach((mount, i) => {
    if (!isRecord(mount)) return;
    const at = [...path, 'volumeMounts', i];
    if (mount.mountPath === '') report(visit, [...at, 'mountPath'], 'required', { what: 'mountPath', reason: ' (it is empty)' });
    if (typeof mount.mountPath === 'string' && mount.mountPath !== '') {
      const first = mountPaths.get(mount.mountPath);
      if (first === undefined) mountPaths.set(mount.mountPath, i);
      else report(visit, [...at, 'mountPath'], 'forbidden', { what: `mountPath ${shown(mount.mountPath)}`, reason: `is already used by volumeMounts[${first}] of the same container; each must be unique` });
    }
    for (const field of ['subPath', 'subPathExpr']) {
      const problem = typeof mount[field] === 'string' ? descendingPathProblem(mount[field] as string) : undefined;
      if (problem) report(visit, [...at, field], 'forbidden', { what: `${field} ${shown(mount[field])}`, reason: problem });
    }
    if (typeof mount.subPath === 'string' && mount.subPath !== '' && typeof mount.subPathExpr === 'string' && mount.subPathExpr !== '') {
      report(visit, [...at, 'subPathExpr'], 'forbidden', { what: 'subPathExpr', reason: 'may not be set together with subPath' });
    }
    if (mount.mountPropagation === 'Bidirectional' && !privileged) {
      report(visit, [...at, 'mountPropagation'], 'forbidden', { what: 'Bidirectional mount propagation', reason: 'is only available to privileged containers (securityContext.privileged: true)' });
    }
    if ((mount.recursiveReadOnly === 'Enabled' || mount.recursiveReadOnly === 'IfPossible') && mount.readOnly !== true) {
      report(visit, [...at, 'recursiveReadOnly'], 'forbidden', { what: `recursiveReadOnly ${shown(mount.recursiveReadOnly)}`, reason: 'may only be set on a mount with readOnly: true' });
    }
  });
}

/** A port number field (number values only: strings and fractions are the schema rule's). */
export function checkPortNumber(visit: Visit, value: unknown, path: ObjectPath): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) return;
  const problem = portNumberProblem(value);
  if (problem) report(visit, path, 'invalidPort', { field: String(path.at(-1)), value, reason: problem });
}

function checkEnv(visit: Visit, { container, path }: ContainerAt): void {
  const relaxed = atLeast(visit.version, '1.32');
  const check = (name: unknown, at: ObjectPath, what: string) => {
    if (typeof name !== 'string') return;
    const problem = name === '' ? 'must not be empty' : envVarNameProblem(name, relaxed);
    if (problem) report(visit, at, 'invalidEnvName', { what, value: shown(name), reason: problem, version: visit.version });
  };
  if (Array.isArray(container.env)) {
    container.env.forEach((env, i) => {
      if (!isRecord(env)) return;
      check(env.name, [...path, 'env', i, 'name'], 'environment variable name');
      if (typeof env.value === 'string' && env.value !== '' && isRecord(env.valueFrom)) {
        report(visit, [...path, 'env', i, 'valueFrom'], 'forbidden', { what: 'valueFrom', reason: 'may not be set when value is not empty' });
      }
    });
  }
  if (Array.isArray(container.envFrom)) {
    container.envFrom.forEach((source, i) => check(isRecord(source) ? source.prefix : undefined, [...path, 'envFrom', i, 'prefix'], 'envFrom prefix'));
  }
}

/**
 * Resource requirements (of a container, or of a claim): every quantity parses (a syntax error is a decoding
 * error: the API server cannot read the object at all), none is negative, and no request is above the limit of
 * the same resource.
 */
export function checkResources(visit: Visit, resources: unknown, path: ObjectPath, container = false): void {
  if (!isRecord(resources)) return;
  if (container) checkResourceNames(visit, resources, path);
  const values: Record<'limits' | 'requests', Record<string, number>> = { limits: {}, requests: {} };
  for (const kind of ['limits', 'requests'] as const) {
    const list = resources[kind];
    if (!isRecord(list)) continue;
    for (const [name, quantity] of Object.entries(list)) {
      if (quantity === null || (typeof quantity !== 'string' && typeof quantity !== 'number')) continue;
      const at = [...path, kind, name];
      const problem = quantityProblem(quantity);
      if (problem) {
        visit.problems.push({ path: at, messageId: 'invalidQuantity', data: { value: shown(quantity), reason: problem, what: `${visit.resource.kind} '${visit.resource.name}'` } });
        continue;
      }
      const value = parseQuantity(quantity)!;
      if (value < 0) report(visit, at, 'negativeQuantity', { value: shown(quantity), name });
      else values[kind][name] = value;
    }
  }
  const quantity = (kind: string, name: string) => shown((resources[kind] as Record<string, unknown>)[name]);
  for (const [name, request] of Object.entries(values.requests)) {
    const limit = values.limits[name];
    const exact = container && isNotOvercommitable(name);
    if (exact && limit === undefined && !(isRecord(resources.limits) && Object.hasOwn(resources.limits, name))) {
      report(visit, [...path, 'requests', name], 'required', { what: `a limit for ${name}`, reason: ', as for every extended resource and huge pages, which cannot be overcommitted' });
    } else if (exact && limit !== undefined && request !== limit) {
      report(visit, [...path, 'requests', name], 'requestNotLimit', { name, request: quantity('requests', name), limit: quantity('limits', name) });
    } else if (limit !== undefined && request > limit) {
      report(visit, [...path, 'requests', name], 'requestAboveLimit', { name, request: quantity('requests', name), limit: quantity('limits', name) });
    }
  }
}

/** The names in a container's requests and limits (validateContainerResourceName). */
function checkResourceNames(visit: Visit, resources: Record<string, unknown>, path: ObjectPath): void {
  for (const kind of ['limits', 'requests']) {
    const list = resources[kind];
    if (!isRecord(list)) continue;
    for (const name of Object.keys(list)) {
      const problem = containerResourceNameProblem(name);
      if (problem) report(visit, [...path, kind, name], 'invalidKey', { what: 'resource name', value: shown(name), reason: problem });
    }
  }
}

/** A count that must be 0 or more (ValidateNonnegativeField); fractions and strings are the schema rule's. */
export function checkNotNegative(visit: Visit, value: unknown, path: ObjectPath): void {
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) report(visit, path, 'negative', { field: String(path.at(-1)), value });
}
