/**
 * A pod spec as the API server validates it (pkg/apis/core/validation/validation.go: validateContainers,
 * ValidateVolumes, validateContainerPorts, ValidateEnv, ValidateResourceRequirements, validateProbe; duplicate
 * ports from pkg/api/pod/warnings.go), for a Pod or the pod template of a workload.
 */
import { containersOf, type ContainerAt, type PodSpecAt } from '../../src/k8s/pod-template.js';
import { parseQuantity } from '../../src/k8s/quantity.js';
import { dnsLabelProblem, envVarNameProblem, portNameProblem, portNumberProblem, quantityProblem } from '../../src/k8s/validation.js';
import { showPath } from '../../src/schema/describe.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';
import { atLeast, report, shown, type Visit } from './problems.js';

const LIST_NAMES = { containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' } as const;
const LIST_ORDER = ['containers', 'initContainers', 'ephemeralContainers'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export function checkPodSpec(visit: Visit, { spec, path }: PodSpecAt): void {
  // The API server checks containers first, then init and ephemeral containers against them.
  const containers = [...containersOf(spec, path)].sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list));
  checkUniqueNames(visit, containers.map(({ container, path: at, list }) => ({ name: container.name, path: [...at, 'name'], what: LIST_NAMES[list] })));
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  checkUniqueNames(visit, volumes.map((volume, i) => ({ name: isRecord(volume) ? volume.name : undefined, path: [...path, 'volumes', i, 'name'], what: 'volume' })));
  const ports = new Map<string, ObjectPath>();
  for (const container of containersOf(spec, path)) {
    checkPorts(visit, container, ports);
    checkEnv(visit, container);
    checkResources(visit, container.container.resources, [...container.path, 'resources']);
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

interface Named {
  name: unknown;
  path: ObjectPath;
  what: string;
}

/** Names that must be DNS-1123 labels and unique in their list (containers of all three lists together; volumes). */
function checkUniqueNames(visit: Visit, items: Named[]): void {
  const seen = new Map<string, Named>();
  for (const item of items) {
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
function checkPorts(visit: Visit, { container, path }: ContainerAt, seen: Map<string, ObjectPath>): void {
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
    if (typeof port.containerPort !== 'number') return;
    const key = `${port.containerPort}/${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${port.hostPort ?? 0}`;
    const first = seen.get(key);
    if (!first) seen.set(key, at);
    else report(visit, at, 'duplicatePort', { port: `${port.containerPort}/${port.protocol ?? 'TCP'}`, other: showPath(first) }, 'warning');
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
  if (Array.isArray(container.env)) container.env.forEach((env, i) => check(isRecord(env) ? env.name : undefined, [...path, 'env', i, 'name'], 'environment variable name'));
  if (Array.isArray(container.envFrom)) {
    container.envFrom.forEach((source, i) => check(isRecord(source) ? source.prefix : undefined, [...path, 'envFrom', i, 'prefix'], 'envFrom prefix'));
  }
}

/**
 * Resource requirements (of a container, or of a claim): every quantity parses (a syntax error is a decoding
 * error: the API server cannot read the object at all), none is negative, and no request is above the limit of
 * the same resource.
 */
export function checkResources(visit: Visit, resources: unknown, path: ObjectPath): void {
  if (!isRecord(resources)) return;
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
  for (const [name, request] of Object.entries(values.requests)) {
    const limit = values.limits[name];
    if (limit !== undefined && request > limit) {
      const quantity = (kind: string) => shown((resources[kind] as Record<string, unknown>)[name]);
      report(visit, [...path, 'requests', name], 'requestAboveLimit', { name, request: quantity('requests'), limit: quantity('limits') });
    }
  }
}

/** A count that must be 0 or more (ValidateNonnegativeField); fractions and strings are the schema rule's. */
export function checkNotNegative(visit: Visit, value: unknown, path: ObjectPath): void {
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) report(visit, path, 'negative', { field: String(path.at(-1)), value });
}
