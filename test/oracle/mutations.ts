/**
 * Generated create inputs: one field of a real object changed at a time, with values on both sides of each
 * boundary the API server's validation draws (pkg/apis/core/validation, pkg/apis/apps/validation,
 * staging/src/k8s.io/apimachinery/pkg/util/validation). Which side is refused is the oracle's word, not ours:
 * nothing here says what the answer should be.
 */
import type { Obj } from './inputs.js';

export interface Mutation {
  /** The field class the agreement table groups by (claims.ts names the ones stslint claims). */
  fieldClass: string;
  /** The field changed, named as the API server names fields (spec.template.spec.containers[0].name). */
  field: string;
  /** What was done to it: `= <JSON value>`, `deleted`, or a few words. */
  change: string;
  apply(object: Obj): void;
}

const WORKLOADS = new Set(['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job']);
const LABEL_SELECTED = new Set(['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'PodDisruptionBudget']);

/** A DNS subdomain of exactly `length` characters (labels of 63 joined by dots). */
export function subdomainOfLength(length: number): string {
  let name = '';
  while (name.length < length) {
    const room = length - name.length - (name ? 1 : 0);
    name += (name ? '.' : '') + 'a'.repeat(Math.min(63, room));
  }
  return name;
}

const NAMES = ['a'.repeat(52), 'a'.repeat(53), 'a'.repeat(63), 'a'.repeat(64), subdomainOfLength(253), subdomainOfLength(254), 'db.v2', 'Db', 'db_1', '-db', 'db-', '1db'];
const QUALIFIED_NAMES = [
  'app.kubernetes.io/part-of',
  'k'.repeat(63),
  'k'.repeat(64),
  `${subdomainOfLength(253)}/k`,
  `${subdomainOfLength(254)}/k`,
  'Example.com/k',
  'example.com/',
  '/k',
  'a/b/c',
  'bad key',
  'k_',
  '_k',
  'K.k-k_k',
];
const LABEL_VALUES = ['', 'v'.repeat(63), 'v'.repeat(64), 'a b', '-v', 'v-', 'V.v_v', 'v/v'];
const DNS_LABELS = ['a'.repeat(63), 'a'.repeat(64), 'App', 'app_1', 'app.1', '1app', ''];
const PORT_NAMES = ['p'.repeat(15), 'p'.repeat(16), '123', 'a--b', '-ab', 'ab-', 'HTTP', 'http_1', 'h1'];
const PORT_NUMBERS = [-1, 0, 1, 65535, 65536];
const ENV_NAMES = ['MY_VAR', 'my.var', 'MY-VAR', '1VAR', 'A=B', '', 'WITH SPACE', 'CAFÉ'];
const CPU = ['100m', '0.5', 0.5, 2, '1.5.5', 'abc', '-1', '1e3', '0', '1ki', '1Ki'];
const MEMORY = ['128Mi', '128mi', '1.5Gi', '-1Gi', '1G', '1gi'];
const STORAGE = ['1Gi', '0', '-1Gi', 'abc', '1.5Gi', 1];
const PERCENTS = [0, 1, -1, '0%', '50%', '100%', '101%', '50', 'abc', 1.5];
const ANNOTATION_LIMIT = 256 * 1024;
/** A second port with hostPort 65010 after one with containerPort 65010 and hostPort 65010, and how it differs. */
const HOST_PORTS: readonly [Obj, string][] = [
  [{}, 'two ports with host port 65010, TCP'],
  [{ protocol: 'UDP' }, 'host port 65010 for TCP and for UDP'],
  [{ hostIP: '10.0.0.1' }, 'host port 65010 on any address and on 10.0.0.1'],
];
/** Mounts of a new emptyDir volume added to the first container, and what they are. */
const MOUNTS: readonly [Obj[], string][] = [
  [[{ mountPath: '/stslint' }, { mountPath: '/stslint' }], 'two mounts at /stslint'],
  [[{ mountPath: '/stslint' }, { mountPath: '/stslint/' }], 'mounts at /stslint and /stslint/'],
  [[{ mountPath: '' }], 'mountPath ""'],
  ...['../etc', '/etc', 'a/../b', 'a..b', '..a', 'a/..'].map((subPath): [Obj[], string] => [[{ mountPath: '/stslint', subPath }], `subPath ${JSON.stringify(subPath)}`]),
  [[{ mountPath: '/stslint', subPathExpr: '$(POD_NAME)/..' }], 'subPathExpr "$(POD_NAME)/.."'],
  [[{ mountPath: '/stslint', subPath: 'a', subPathExpr: 'b' }], 'subPath and subPathExpr'],
  [[{ mountPath: '/stslint', mountPropagation: 'Bidirectional' }], 'Bidirectional propagation, not privileged'],
  [[{ mountPath: '/stslint', mountPropagation: 'HostToContainer' }], 'HostToContainer propagation'],
  [[{ mountPath: '/stslint', recursiveReadOnly: 'IfPossible' }], 'recursiveReadOnly IfPossible, not readOnly'],
  [[{ mountPath: '/stslint', readOnly: true, recursiveReadOnly: 'Enabled' }], 'recursiveReadOnly Enabled, readOnly'],
];

function m(fieldClass: string, field: string, change: string, apply: (object: Obj) => void): Mutation {
  return { fieldClass, field, change, apply };
}

/** `= value` for a change listing; long strings shortened to their length. */
export function show(value: unknown): string {
  if (typeof value === 'string' && value.length > 24) return `= "${value.slice(0, 6)}…" (${value.length} chars)`;
  return `= ${JSON.stringify(value)}`;
}

/** Each value v of `values`, set with `set(object, v)` at `field`. */
function each(fieldClass: string, field: string, values: readonly unknown[], set: (object: Obj, value: any) => void): Mutation[] {
  return values.map((value) => m(fieldClass, field, show(value), (object) => set(object, value)));
}

/** The path of the pod spec inside an object of a workload kind. */
function podSpecPath(kind: string): string {
  return kind === 'Pod' ? 'spec' : 'spec.template.spec';
}

function podSpec(object: Obj): Obj {
  return object.kind === 'Pod' ? object.spec : object.spec.template.spec;
}

function container(object: Obj): Obj {
  return podSpec(object).containers[0];
}

/** Every mutation that applies to this object (a deep copy is mutated; the base is never changed). */
export function mutationsOf(base: Obj): Mutation[] {
  const kind = base.kind as string;
  const found = [...metadataMutations(kind)];
  if (WORKLOADS.has(kind) || kind === 'Pod') found.push(...podMutations(kind));
  if (LABEL_SELECTED.has(kind)) found.push(...selectorMutations(kind));
  if (kind === 'Service') found.push(...serviceMutations());
  if (kind === 'PersistentVolumeClaim') found.push(...claimMutations('spec'));
  if (kind === 'StatefulSet' && base.spec.volumeClaimTemplates?.length) found.push(...claimMutations('spec.volumeClaimTemplates[0].spec'));
  if (kind === 'StatefulSet') found.push(...statefulSetMutations());
  if (kind === 'Deployment') found.push(...deploymentMutations());
  if (kind === 'DaemonSet') found.push(...daemonSetMutations());
  if (kind === 'Job') found.push(...jobMutations());
  if (kind === 'PodDisruptionBudget') found.push(...budgetMutations());
  if (kind === 'StorageClass') found.push(...storageClassMutations());
  if (kind === 'ConfigMap' || kind === 'Secret') found.push(...dataMutations(kind));
  return found;
}

function metadataMutations(kind: string): Mutation[] {
  const labels = (object: Obj) => (object.metadata.labels ??= {});
  const annotations = (object: Obj) => (object.metadata.annotations ??= {});
  const sized = (total: number) =>
    m('annotations', 'metadata.annotations', `total size ${total} bytes`, (object) => {
      const used = Object.entries(annotations(object)).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
      const key = 'stslint.test/size';
      annotations(object)[key] = 'v'.repeat(total - used - key.length);
    });
  return [
    ...each('object-names', 'metadata.name', NAMES, (object, value) => (object.metadata.name = value)),
    ...QUALIFIED_NAMES.map((key) => m('labels', 'metadata.labels', `key ${show(key).slice(2)}`, (object) => (labels(object)[key] = 'x'))),
    ...each('labels', 'metadata.labels["stslint-test"]', LABEL_VALUES, (object, value) => (labels(object)['stslint-test'] = value)),
    ...QUALIFIED_NAMES.map((key) =>
      m('annotations', 'metadata.annotations', `key ${show(key).slice(2)}`, (object) => (annotations(object)[key] = 'x')),
    ),
    sized(ANNOTATION_LIMIT),
    sized(ANNOTATION_LIMIT + 1),
    m('unknown-fields', 'metadata.label', 'added', (object) => (object.metadata.label = { app: 'x' })),
    m('unknown-fields', 'foo', 'added at the top level', (object) => (object.foo = 'bar')),
    m('types', 'metadata.labels["stslint-test"]', '= 1 (a number)', (object) => (labels(object)['stslint-test'] = 1)),
    m('types', 'metadata.annotations["stslint-test"]', '= true (a boolean)', (object) => (annotations(object)['stslint-test'] = true)),
    m('types', 'metadata.name', '= 5 (a number)', (object) => (object.metadata.name = 5)),
    ...(kind === 'StorageClass'
      ? []
      : each('object-names', 'metadata.namespace', ['a'.repeat(63), 'a'.repeat(64), 'Prod', 'prod.eu'], (object, value) => (object.metadata.namespace = value))),
  ];
}

function podMutations(kind: string): Mutation[] {
  const spec = podSpecPath(kind);
  const c0 = `${spec}.containers[0]`;
  const ports = (object: Obj) => (container(object).ports ??= [{ containerPort: 8080 }]);
  const env = (object: Obj) => (container(object).env ??= []);
  const resources = (object: Obj, value: Obj) => (container(object).resources = value);
  const volumes = (object: Obj) => (podSpec(object).volumes ??= []);
  return [
    ...each('container-names', `${c0}.name`, DNS_LABELS, (object, value) => (container(object).name = value)),
    m('container-names', `${spec}.containers[1].name`, 'a second container of the same name', (object) => {
      podSpec(object).containers.push({ name: container(object).name, image: 'busybox' });
    }),
    m('container-names', `${spec}.containers[1].name`, 'a second container of another name', (object) => {
      podSpec(object).containers.push({ name: `${container(object).name}-2`, image: 'busybox' });
    }),
    m('container-names', `${spec}.initContainers[0].name`, 'an init container named like a container', (object) => {
      podSpec(object).initContainers = [{ name: container(object).name, image: 'busybox' }];
    }),
    m('container-names', `${spec}.initContainers[0].name`, 'an init container of another name', (object) => {
      podSpec(object).initContainers = [{ name: 'stslint-init', image: 'busybox' }];
    }),
    ...each('volume-names', `${spec}.volumes[+].name`, DNS_LABELS, (object, value) => volumes(object).push({ name: value, emptyDir: {} })),
    m('volume-names', `${spec}.volumes`, 'two emptyDir volumes of the same name', (object) => {
      volumes(object).push({ name: 'scratch', emptyDir: {} }, { name: 'scratch', emptyDir: {} });
    }),
    m('volume-names', `${c0}.volumeMounts[+].name`, 'a mount of a volume that does not exist', (object) => {
      (container(object).volumeMounts ??= []).push({ name: 'stslint-missing', mountPath: '/stslint' });
    }),
    m('volume-names', `${c0}.volumeMounts[+].name`, 'a mount of a new emptyDir volume', (object) => {
      volumes(object).push({ name: 'stslint-scratch', emptyDir: {} });
      (container(object).volumeMounts ??= []).push({ name: 'stslint-scratch', mountPath: '/stslint' });
    }),
    ...each('port-names', `${c0}.ports[0].name`, PORT_NAMES, (object, value) => (ports(object)[0].name = value)),
    m('port-names', `${c0}.ports[1].name`, 'a second port of the same name', (object) => {
      const list = ports(object);
      list[0].name ??= 'stslint';
      list.push({ containerPort: 65000, name: list[0].name });
    }),
    ...each('port-numbers', `${c0}.ports[0].containerPort`, PORT_NUMBERS, (object, value) => (ports(object)[0].containerPort = value)),
    ...each('port-numbers', `${c0}.ports[0].hostPort`, [0, 65535, 65536], (object, value) => (ports(object)[0].hostPort = value)),
    m('duplicate-ports', `${c0}.ports[1]`, 'the same containerPort and protocol again, unnamed', (object) => {
      const list = ports(object);
      list.push({ containerPort: list[0].containerPort, protocol: list[0].protocol ?? 'TCP' });
    }),
    m('duplicate-ports', `${c0}.ports[1]`, 'the same containerPort with protocol UDP', (object) => {
      const list = ports(object);
      list.push({ containerPort: list[0].containerPort, protocol: 'UDP' });
    }),
    ...HOST_PORTS.map(([second, change]) =>
      m('host-ports', `${c0}.ports[+].hostPort`, change, (object) => ports(object).push({ containerPort: 65010, hostPort: 65010 }, { containerPort: 65011, hostPort: 65010, ...second })),
    ),
    m('host-ports', `${spec}.initContainers[+].ports`, 'an init container with host port 65010 twice', (object) => {
      (podSpec(object).initContainers ??= []).push({ name: 'stslint-init', image: 'busybox', ports: [{ containerPort: 1, hostPort: 65010 }, { containerPort: 2, hostPort: 65010 }] });
    }),
    m('host-ports', `${spec}.initContainers[+].ports`, 'an init container with the host port of a container', (object) => {
      ports(object).push({ containerPort: 65010, hostPort: 65010 });
      (podSpec(object).initContainers ??= []).push({ name: 'stslint-init', image: 'busybox', ports: [{ containerPort: 1, hostPort: 65010 }] });
    }),
    ...MOUNTS.map(([mounts, change]) =>
      m('volume-mounts', `${c0}.volumeMounts[+]`, change, (object) => {
        volumes(object).push({ name: 'stslint-scratch', emptyDir: {} });
        (container(object).volumeMounts ??= []).push(...mounts.map((mount) => ({ name: 'stslint-scratch', ...mount })));
      }),
    ),
    ...each('env-names', `${c0}.env[+].name`, ENV_NAMES, (object, value) => env(object).push({ name: value, value: 'x' })),
    m('env-names', `${c0}.env[+]`, 'value and valueFrom both set', (object) => {
      env(object).push({ name: 'STSLINT', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    }),
    ...each('quantities', `${c0}.resources.requests.cpu`, CPU, (object, value) => resources(object, { requests: { cpu: value } })),
    ...each('quantities', `${c0}.resources.limits.memory`, MEMORY, (object, value) => resources(object, { limits: { memory: value } })),
    m('quantities', `${c0}.resources`, 'requests.cpu 2 > limits.cpu 1', (object) => resources(object, { requests: { cpu: '2' }, limits: { cpu: '1' } })),
    m('quantities', `${c0}.resources`, 'requests.cpu 1 = limits.cpu 1000m', (object) => resources(object, { requests: { cpu: '1' }, limits: { cpu: '1000m' } })),
    m('quantities', `${c0}.resources`, 'requests.memory 2Gi > limits.memory 1Gi', (object) => {
      resources(object, { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } });
    }),
    m('quantities', `${c0}.resources`, 'extended resource: requests 1 < limits 2', (object) => {
      resources(object, { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } });
    }),
    m('quantities', `${c0}.resources`, 'extended resource: requests 1 = limits 1', (object) => {
      resources(object, { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '1' } });
    }),
    m('quantities', `${c0}.resources`, 'extended resource: requests only', (object) => resources(object, { requests: { 'example.com/gpu': '1' } })),
    m('quantities', `${c0}.resources.requests`, 'an unknown unprefixed resource name', (object) => resources(object, { requests: { gpu: '1' } })),
    ...each('integers', `${spec}.terminationGracePeriodSeconds`, [-1, 0, 2.5], (object, value) => (podSpec(object).terminationGracePeriodSeconds = value)),
    ...each('integers', `${spec}.activeDeadlineSeconds`, [0], (object, value) => (podSpec(object).activeDeadlineSeconds = value)),
    ...each('cross-field', `${spec}.activeDeadlineSeconds`, [1], (object, value) => (podSpec(object).activeDeadlineSeconds = value)),
    ...each('enums', `${c0}.imagePullPolicy`, ['Always', 'IfNotPresent', 'Never', 'always'], (object, value) => (container(object).imagePullPolicy = value)),
    ...each('enums', `${c0}.ports[0].protocol`, ['TCP', 'UDP', 'SCTP', 'tcp', 'HTTP'], (object, value) => (ports(object)[0].protocol = value)),
    ...each('enums', `${spec}.restartPolicy`, ['always', 'Sometimes'], (object, value) => (podSpec(object).restartPolicy = value)),
    ...each('cross-field', `${spec}.restartPolicy`, ['Always', 'OnFailure', 'Never'], (object, value) => (podSpec(object).restartPolicy = value)),
    ...each('enums', `${spec}.dnsPolicy`, ['ClusterFirst', 'Default', 'ClusterFirstWithHostNet', 'clusterFirst'], (object, value) => {
      podSpec(object).dnsPolicy = value;
    }),
    m('cross-field', `${spec}.dnsPolicy`, '= "None" without dnsConfig', (object) => (podSpec(object).dnsPolicy = 'None')),
    ...each('enums', `${c0}.terminationMessagePolicy`, ['File', 'FallbackToLogsOnError', 'file'], (object, value) => {
      container(object).terminationMessagePolicy = value;
    }),
    m('unknown-fields', `${c0}.volumeMount`, 'added', (object) => (container(object).volumeMount = [])),
    m('unknown-fields', `${spec}.container`, 'added', (object) => (podSpec(object).container = [])),
    m('unknown-fields', `${c0}.Image`, 'added (wrong case)', (object) => (container(object).Image = 'busybox')),
    m('types', `${c0}.image`, '= 123 (a number)', (object) => (container(object).image = 123)),
    m('types', `${spec}.containers`, 'an object, not a list', (object) => (podSpec(object).containers = container(object))),
    m('types', `${c0}.ports[0].containerPort`, '= "8080" (a string)', (object) => (ports(object)[0].containerPort = '8080')),
    m('types', `${c0}.env[+].value`, '= 1 (a number)', (object) => env(object).push({ name: 'STSLINT', value: 1 })),
    m('types', `${c0}.args`, '= "--flag" (a string, not a list)', (object) => (container(object).args = '--flag')),
    m('required', `${c0}.image`, 'deleted', (object) => delete container(object).image),
    m('required', `${c0}.name`, 'deleted', (object) => delete container(object).name),
    m('required', `${spec}.containers`, '= []', (object) => (podSpec(object).containers = [])),
  ];
}

function selectorMutations(kind: string): Mutation[] {
  const selector = (object: Obj) => object.spec.selector;
  const templateLabels = (object: Obj) => object.spec.template?.metadata?.labels ?? {};
  const firstLabel = (object: Obj): [string, string] => Object.entries(selector(object).matchLabels ?? { app: 'x' })[0] as [string, string];
  const expression = (change: string, make: (key: string, value: string) => Obj) =>
    m('selectors', 'spec.selector.matchExpressions[0]', change, (object) => {
      const [key, value] = firstLabel(object);
      selector(object).matchExpressions = [make(key, value)];
    });
  const both = (key: string, value: string) => (object: Obj) => {
    selector(object).matchLabels = { ...selector(object).matchLabels, [key]: value };
    if (object.spec.template) object.spec.template.metadata.labels = { ...templateLabels(object), [key]: value };
  };
  return [
    expression('In [the template label value]', (key, value) => ({ key, operator: 'In', values: [value] })),
    expression('NotIn ["stslint-other"]', (key) => ({ key, operator: 'NotIn', values: ['stslint-other'] })),
    expression('Exists', (key) => ({ key, operator: 'Exists' })),
    expression('Exists with values', (key, value) => ({ key, operator: 'Exists', values: [value] })),
    expression('In with no values', (key) => ({ key, operator: 'In', values: [] })),
    expression('DoesNotExist on another key', () => ({ key: 'stslint-absent', operator: 'DoesNotExist' })),
    expression('operator "in" (lower case)', (key, value) => ({ key, operator: 'in', values: [value] })),
    expression('operator "Equals"', (key, value) => ({ key, operator: 'Equals', values: [value] })),
    expression('key "bad key"', () => ({ key: 'bad key', operator: 'DoesNotExist' })),
    ...LABEL_VALUES.map((value) => m('selectors', 'spec.selector.matchLabels["stslint-test"]', `${show(value)} (template too)`, both('stslint-test', value))),
    ...QUALIFIED_NAMES.map((key) => m('selectors', 'spec.selector.matchLabels', `key ${show(key).slice(2)} (template too)`, both(key, 'x'))),
    m('selectors', 'spec.selector', '= {} (selects everything)', (object) => (object.spec.selector = {})),
    m('unknown-fields', 'spec.selector.matchLabel', 'added', (object) => (selector(object).matchLabel = { app: 'x' })),
    m('types', 'spec.selector.matchLabels', 'a list, not a map', (object) => (selector(object).matchLabels = [firstLabel(object).join('=')])),
    ...(kind === 'PodDisruptionBudget' ? [] : [m('required', 'spec.selector', 'deleted', (object) => delete object.spec.selector)]),
  ];
}

function serviceMutations(): Mutation[] {
  const ports = (object: Obj) => (object.spec.ports ??= [{ port: 80 }]);
  const selector = (object: Obj) => (object.spec.selector ??= {});
  return [
    ...each('port-names', 'spec.ports[0].name', ['p'.repeat(63), 'p'.repeat(64), 'HTTP', 'http_1', 'a--b', '1http'], (object, value) => {
      ports(object)[0].name = value;
    }),
    m('port-names', 'spec.ports[1].name', 'a second port without a name', (object) => {
      ports(object)[0].name ??= 'stslint';
      ports(object).push({ port: 65001 });
    }),
    m('port-names', 'spec.ports[1].name', 'a second port of the same name', (object) => {
      ports(object)[0].name ??= 'stslint';
      ports(object).push({ port: 65001, name: ports(object)[0].name });
    }),
    ...each('port-names', 'spec.ports[0].targetPort', ['p'.repeat(15), 'p'.repeat(16), 'a--b', '123', 'HTTP'], (object, value) => {
      ports(object)[0].targetPort = value;
    }),
    ...each('port-numbers', 'spec.ports[0].port', PORT_NUMBERS, (object, value) => (ports(object)[0].port = value)),
    ...each('port-numbers', 'spec.ports[0].targetPort', [0, 1, 65535, 65536], (object, value) => (ports(object)[0].targetPort = value)),
    ...each('port-numbers', 'spec.ports[0].nodePort', [30080], (object, value) => (ports(object)[0].nodePort = value)),
    m('duplicate-ports', 'spec.ports[1]', 'the same port and protocol again, named', (object) => {
      ports(object)[0].name ??= 'stslint';
      ports(object).push({ port: ports(object)[0].port, name: 'stslint-2', protocol: ports(object)[0].protocol ?? 'TCP' });
    }),
    m('duplicate-ports', 'spec.ports[1]', 'the same port with protocol UDP, named', (object) => {
      ports(object)[0].name ??= 'stslint';
      ports(object).push({ port: ports(object)[0].port, name: 'stslint-2', protocol: 'UDP' });
    }),
    ...each('selectors', 'spec.selector["stslint-test"]', LABEL_VALUES, (object, value) => (selector(object)['stslint-test'] = value)),
    ...QUALIFIED_NAMES.map((key) => m('selectors', 'spec.selector', `key ${show(key).slice(2)}`, (object) => (selector(object)[key] = 'x'))),
    ...each('enums', 'spec.type', ['ClusterIP', 'NodePort', 'LoadBalancer', 'Headless', 'nodePort'], (object, value) => (object.spec.type = value)),
    m('cross-field', 'spec.type', '= "ExternalName" without externalName', (object) => (object.spec.type = 'ExternalName')),
    ...(['NodePort', 'LoadBalancer', 'ClusterIP'] as const).map((type) =>
      m('cross-field', 'spec.clusterIP', `= "None" in a ${type} Service`, (object) => {
        object.spec.type = type;
        object.spec.clusterIP = 'None';
        delete object.spec.clusterIPs;
      }),
    ),
    ...(
      [
        [{ clusterIP: '10.96.0.20' }, 'with clusterIP 10.96.0.20'],
        [{ clusterIP: 'None' }, 'with clusterIP None'],
        [{ ipFamilies: ['IPv4'] }, 'with ipFamilies'],
        [{ ipFamilyPolicy: 'SingleStack' }, 'with ipFamilyPolicy'],
        [{ externalName: 'Db_1.example.com' }, 'externalName "Db_1.example.com"'],
        [{ externalName: 'db.example.com.' }, 'externalName with a trailing dot'],
        [{ ports: [{ port: 80, nodePort: 30080 }] }, 'a port with a nodePort'],
      ] as const
    ).map(([fields, change]) =>
      m('cross-field', 'spec', `ExternalName ${change}`, (object) => {
        for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'externalTrafficPolicy', 'internalTrafficPolicy', 'sessionAffinityConfig']) delete object.spec[field];
        Object.assign(object.spec, { type: 'ExternalName', externalName: 'db.example.com' }, fields);
      }),
    ),
    m('cross-field', 'spec.ports[1].nodePort', 'two NodePort ports with nodePort 30080', (object) => {
      object.spec.type = 'NodePort';
      ports(object)[0].name ??= 'stslint';
      ports(object)[0].nodePort = 30080;
      ports(object).push({ port: 65001, name: 'stslint-2', nodePort: 30080, protocol: ports(object)[0].protocol ?? 'TCP' });
    }),
    ...each('enums', 'spec.sessionAffinity', ['None', 'ClientIP', 'Sticky'], (object, value) => (object.spec.sessionAffinity = value)),
    ...each('enums', 'spec.externalTrafficPolicy', ['local'], (object, value) => (object.spec.externalTrafficPolicy = value)),
    ...each('cross-field', 'spec.externalTrafficPolicy', ['Cluster', 'Local'], (object, value) => (object.spec.externalTrafficPolicy = value)),
    ...each('enums', 'spec.ports[0].protocol', ['TCP', 'UDP', 'SCTP', 'tcp'], (object, value) => (ports(object)[0].protocol = value)),
    ...each('enums', 'spec.ipFamilyPolicy', ['SingleStack', 'PreferDualStack', 'RequireDualStack', 'singleStack'], (object, value) => {
      object.spec.ipFamilyPolicy = value;
    }),
    ...each('cluster-ips', 'spec.clusterIP', ['None', '10.96.0.20', '10.96.0.256', 'none', ''], (object, value) => (object.spec.clusterIP = value)),
    m('unknown-fields', 'spec.port', 'added', (object) => (object.spec.port = 80)),
    m('types', 'spec.ports[0].port', '= "80" (a string)', (object) => (ports(object)[0].port = '80')),
    m('required', 'spec.ports', 'deleted', (object) => delete object.spec.ports),
    m('required', 'spec.ports[0].port', 'deleted', (object) => delete ports(object)[0].port),
  ];
}

/** Mutations of a claim spec: a PersistentVolumeClaim's, or a StatefulSet's first claim template's. */
function claimMutations(path: string): Mutation[] {
  const spec = (object: Obj): Obj => (path === 'spec' ? object.spec : object.spec.volumeClaimTemplates[0].spec);
  return [
    ...each('quantities', `${path}.resources.requests.storage`, STORAGE, (object, value) => {
      spec(object).resources = { ...spec(object).resources, requests: { storage: value } };
    }),
    ...each('enums', `${path}.accessModes`, [['ReadWriteOnce'], ['ReadWriteOncePod'], ['ReadOnlyMany'], ['RWO']], (object, value) => {
      spec(object).accessModes = value;
    }),
    m('cross-field', `${path}.accessModes`, '= ["ReadWriteOncePod", "ReadWriteOnce"]', (object) => {
      spec(object).accessModes = ['ReadWriteOncePod', 'ReadWriteOnce'];
    }),
    ...each('enums', `${path}.volumeMode`, ['Filesystem', 'Block', 'File'], (object, value) => (spec(object).volumeMode = value)),
    m('unknown-fields', `${path}.storage`, 'added', (object) => (spec(object).storage = '1Gi')),
    m('required', `${path}.accessModes`, 'deleted', (object) => delete spec(object).accessModes),
    m('required', `${path}.resources`, 'deleted', (object) => delete spec(object).resources),
  ];
}

function statefulSetMutations(): Mutation[] {
  const rollingUpdate = (object: Obj, value: unknown) => (object.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: value } });
  return [
    ...each('integers', 'spec.replicas', [3.5, 2147483647, 2147483648, -1, 0], (object, value) => (object.spec.replicas = value)),
    m('types', 'spec.replicas', '= "3" (a string)', (object) => (object.spec.replicas = '3')),
    ...each('integers', 'spec.minReadySeconds', [-1, 0], (object, value) => (object.spec.minReadySeconds = value)),
    ...each('integers', 'spec.revisionHistoryLimit', [-1, 0], (object, value) => (object.spec.revisionHistoryLimit = value)),
    ...each('integers', 'spec.ordinals.start', [-1, 0, 5], (object, value) => (object.spec.ordinals = { start: value })),
    ...each('integers', 'spec.updateStrategy.rollingUpdate.partition', [-1, 0, 5], (object, value) => {
      object.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: value } };
    }),
    ...each('int-or-string', 'spec.updateStrategy.rollingUpdate.maxUnavailable', PERCENTS, rollingUpdate),
    ...each('enums', 'spec.podManagementPolicy', ['OrderedReady', 'Parallel', 'parallel'], (object, value) => (object.spec.podManagementPolicy = value)),
    ...each('enums', 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete', 'Recreate'], (object, value) => (object.spec.updateStrategy = { type: value })),
    ...each('cross-field', 'spec.updateStrategy.rollingUpdate', [{ partition: 1 }, {}], (object, value) => (object.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: value })),
    ...each('enums', 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted', ['Retain', 'Delete', 'Keep'], (object, value) => {
      object.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: value };
    }),
    ...each('object-names', 'spec.serviceName', ['a'.repeat(63), 'a'.repeat(64), 'Db', 'db.v2', ''], (object, value) => (object.spec.serviceName = value)),
    ...each('object-names', 'spec.volumeClaimTemplates[0].metadata.name', ['d'.repeat(63), 'd'.repeat(64), 'Data', 'data.v2'], (object, value) => {
      (object.spec.volumeClaimTemplates ??= [{ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }])[0].metadata = {
        name: value,
      };
    }),
    m('unknown-fields', 'spec.replica', 'added', (object) => (object.spec.replica = 3)),
  ];
}

function deploymentMutations(): Mutation[] {
  const rolling = (maxUnavailable: unknown, maxSurge: unknown) =>
    m('int-or-string', 'spec.strategy.rollingUpdate', `maxUnavailable ${JSON.stringify(maxUnavailable)}, maxSurge ${JSON.stringify(maxSurge)}`, (object) => {
      object.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } };
    });
  return [
    ...each('integers', 'spec.replicas', [3.5, 2147483648, -1, 0], (object, value) => (object.spec.replicas = value)),
    ...each('integers', 'spec.progressDeadlineSeconds', [0, 1, 600], (object, value) => (object.spec.progressDeadlineSeconds = value)),
    m('integers', 'spec.progressDeadlineSeconds', '= 10 with minReadySeconds 10', (object) => {
      object.spec.progressDeadlineSeconds = 10;
      object.spec.minReadySeconds = 10;
    }),
    ...each('integers', 'spec.revisionHistoryLimit', [-1, 0], (object, value) => (object.spec.revisionHistoryLimit = value)),
    ...[[0, 0], ['25%', '25%'], ['0%', '0%'], [0, 1], ['110%', 1], [1, '200%'], [-1, 1], ['abc', 1], [1, 1.5]].map(([a, b]) => rolling(a, b)),
    ...each('enums', 'spec.strategy.type', ['Recreate', 'RollingUpdate', 'OnDelete'], (object, value) => (object.spec.strategy = { type: value })),
    m('cross-field', 'spec.strategy', 'Recreate with rollingUpdate parameters', (object) => {
      object.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
    }),
    m('unknown-fields', 'spec.replica', 'added', (object) => (object.spec.replica = 3)),
  ];
}

function daemonSetMutations(): Mutation[] {
  return [
    ...[[0, 0], [1, 0], [0, 1], ['0%', '0%'], ['101%', 0], ['abc', 0]].map(([maxUnavailable, maxSurge]) =>
      m('int-or-string', 'spec.updateStrategy.rollingUpdate', `maxUnavailable ${JSON.stringify(maxUnavailable)}, maxSurge ${JSON.stringify(maxSurge)}`, (object) => {
        object.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } };
      }),
    ),
    ...each('enums', 'spec.updateStrategy.type', ['RollingUpdate', 'OnDelete', 'Recreate'], (object, value) => (object.spec.updateStrategy = { type: value })),
  ];
}

function jobMutations(): Mutation[] {
  return [
    ...each('integers', 'spec.backoffLimit', [-1, 0, 2147483648], (object, value) => (object.spec.backoffLimit = value)),
    ...each('integers', 'spec.completions', [-1, 0, 1], (object, value) => (object.spec.completions = value)),
    ...each('integers', 'spec.parallelism', [-1, 0, 1], (object, value) => (object.spec.parallelism = value)),
    ...each('integers', 'spec.activeDeadlineSeconds', [0, 1], (object, value) => (object.spec.activeDeadlineSeconds = value)),
    ...each('integers', 'spec.ttlSecondsAfterFinished', [-1, 0], (object, value) => (object.spec.ttlSecondsAfterFinished = value)),
    ...each('enums', 'spec.completionMode', ['NonIndexed', 'Indexed', 'indexed'], (object, value) => (object.spec.completionMode = value)),
  ];
}

function budgetMutations(): Mutation[] {
  const only = (field: 'minAvailable' | 'maxUnavailable') => (object: Obj, value: unknown) => {
    delete object.spec.minAvailable;
    delete object.spec.maxUnavailable;
    object.spec[field] = value;
  };
  return [
    ...each('int-or-string', 'spec.minAvailable', PERCENTS, only('minAvailable')),
    ...each('int-or-string', 'spec.maxUnavailable', PERCENTS, only('maxUnavailable')),
    m('int-or-string', 'spec', 'minAvailable 1 and maxUnavailable 1 both set', (object) => {
      object.spec.minAvailable = 1;
      object.spec.maxUnavailable = 1;
    }),
    ...each('enums', 'spec.unhealthyPodEvictionPolicy', ['IfHealthyBudget', 'AlwaysAllow', 'Never'], (object, value) => {
      object.spec.unhealthyPodEvictionPolicy = value;
    }),
    m('unknown-fields', 'spec.minAvailible', 'added', (object) => (object.spec.minAvailible = 1)),
  ];
}

function storageClassMutations(): Mutation[] {
  return [
    ...each('enums', 'reclaimPolicy', ['Delete', 'Retain', 'Recycle', 'delete'], (object, value) => (object.reclaimPolicy = value)),
    ...each('enums', 'volumeBindingMode', ['Immediate', 'WaitForFirstConsumer', 'Lazy'], (object, value) => (object.volumeBindingMode = value)),
    ...each('object-names', 'provisioner', ['example.com/x', 'kubernetes.io/no-such', 'Example.com/x', 'bad provisioner', 'p'.repeat(64)], (object, value) => {
      object.provisioner = value;
    }),
    m('types', 'parameters', 'a value that is a number', (object) => (object.parameters = { ...object.parameters, replicas: 3 })),
    m('unknown-fields', 'parameter', 'added', (object) => (object.parameter = { type: 'x' })),
    m('required', 'provisioner', 'deleted', (object) => delete object.provisioner),
  ];
}

function dataMutations(kind: string): Mutation[] {
  const field = kind === 'Secret' ? 'stringData' : 'data';
  const keys = ['a'.repeat(253), 'a'.repeat(254), 'bad key', 'app.properties', '..', '.hidden', 'a/b', 'A_b-c.d'];
  return [
    ...keys.map((key) => m('data-keys', field, `key ${show(key).slice(2)}`, (object) => (object[field] = { ...object[field], [key]: 'x' }))),
    m('types', `${field}["stslint"]`, '= 1 (a number)', (object) => (object[field] = { ...object[field], stslint: 1 })),
    ...(kind === 'Secret'
      ? each('types', 'data["stslint"]', ['eA==', 'not base64!', 'eA'], (object, value) => (object.data = { ...object.data, stslint: value }))
      : []),
    m('unknown-fields', 'datas', 'added', (object) => (object.datas = {})),
  ];
}
