/**
 * The defaults the API server fills in when it decodes an object, so that two manifests can be compared the way
 * the server compares them: a field left out and a field set to its default are the same object.
 *
 * Sources (Kubernetes v1.36, kubernetes/kubernetes):
 * - pkg/apis/apps/v1/defaults.go: SetDefaults_StatefulSet, SetDefaults_Deployment, SetDefaults_DaemonSet,
 *   SetDefaults_ReplicaSet (and zz_generated.defaults.go, which applies the pod and claim defaults inside them);
 * - pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Volume and the volume
 *   source defaults, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector,
 *   SetDefaults_Service, SetDefaults_PersistentVolumeClaim(Spec), SetDefaults_Secret, SetDefaults_ConfigMap; the
 *   `+default=` markers of staging/src/k8s.io/api/core/v1/types.go (port protocols, RBD, ScaleIO, Azure disk);
 * - pkg/apis/batch/v1/defaults.go: SetDefaults_Job, SetDefaults_CronJob;
 * - pkg/apis/storage/v1/defaults.go: SetDefaults_StorageClass;
 * - pkg/apis/policy/v1 has no defaults for PodDisruptionBudget.
 *
 * Feature-gated defaults follow the gate's default of the target version (src/k8s/feature-gates.ts): a Job's
 * podReplacementPolicy while JobPodReplacementPolicy is on (from 1.29); a StatefulSet's rollingUpdate.maxUnavailable
 * (1) while MaxUnavailableStatefulSet is on (off by default in every bundled version, 1.25 to 1.36, so in practice
 * never). What the API server assigns rather than defaults
 * (cluster IPs, node ports, a Job's selector) is not here: see src/base/compare.ts.
 */
import { isEnabled } from './feature-gates.js';
import { isRecord } from '../util/guards.js';

type Obj = Record<string, unknown>;

/** Kinds with defaults here, by `group/Kind` (core kinds bare). */
const DEFAULTERS: Readonly<Record<string, (object: Obj, version: string) => void>> = {
  'apps/StatefulSet': (object, version) => statefulSet(spec(object), version),
  'apps/Deployment': (object) => deployment(spec(object)),
  'apps/DaemonSet': (object) => daemonSet(spec(object)),
  'apps/ReplicaSet': (object) => workload(spec(object), { replicas: 1 }),
  'batch/Job': (object, version) => job(object, spec(object), version),
  'batch/CronJob': (object) => cronJob(spec(object)),
  Service: (object) => service(spec(object)),
  PersistentVolumeClaim: (object) => claim(object),
  'storage.k8s.io/StorageClass': (object) => setMissing(object, { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }),
  Secret: (object) => secret(object),
  ConfigMap: (object) => setMissing(object, { data: {} }),
};

/**
 * A deep copy of `object` with the API server's defaults of its kind applied (see the sources above); objects of
 * other kinds are copied unchanged. Values of the wrong type are left as they are (the schema rule reports them).
 * `version` is the target Kubernetes version, MAJOR.MINOR.
 */
export function withDefaults(resource: { group: string; kind: string; object: Obj }, version: string): Obj {
  const object = structuredClone(resource.object);
  const defaulter = DEFAULTERS[resource.group ? `${resource.group}/${resource.kind}` : resource.kind];
  defaulter?.(object, version);
  return object;
}

/** `object.spec`, created when missing (the API server decodes a missing spec as an empty one). */
function spec(object: Obj): Obj {
  return child(object, 'spec');
}

function child(parent: Obj, key: string): Obj {
  if (parent[key] === undefined || parent[key] === null) parent[key] = {};
  return isRecord(parent[key]) ? parent[key] : {};
}

function setMissing(target: Obj, defaults: Obj): void {
  for (const [key, value] of Object.entries(defaults)) {
    if (value !== undefined && (target[key] === undefined || target[key] === null || target[key] === '')) target[key] = value;
  }
}

function workload(spec: Obj, defaults: Obj): void {
  setMissing(spec, defaults);
  podTemplate(spec.template);
}

function statefulSet(spec: Obj, version: string): void {
  setMissing(spec, { podManagementPolicy: 'OrderedReady', replicas: 1, revisionHistoryLimit: 10 });
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  if (strategy.type === 'RollingUpdate' && isRecord(strategy.rollingUpdate)) {
    setMissing(strategy.rollingUpdate, { partition: 0 });
    if (isEnabled('MaxUnavailableStatefulSet', version)) setMissing(strategy.rollingUpdate, { maxUnavailable: 1 });
  }
  setMissing(child(spec, 'persistentVolumeClaimRetentionPolicy'), { whenDeleted: 'Retain', whenScaled: 'Retain' });
  podTemplate(spec.template);
  if (Array.isArray(spec.volumeClaimTemplates)) spec.volumeClaimTemplates.filter(isRecord).forEach(claim);
}

function deployment(spec: Obj): void {
  workload(spec, { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
  const strategy = child(spec, 'strategy');
  setMissing(strategy, { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') setMissing(child(strategy, 'rollingUpdate'), { maxUnavailable: '25%', maxSurge: '25%' });
}

function daemonSet(spec: Obj): void {
  workload(spec, { revisionHistoryLimit: 10 });
  const strategy = child(spec, 'updateStrategy');
  setMissing(strategy, { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') setMissing(child(strategy, 'rollingUpdate'), { maxUnavailable: 1, maxSurge: 0 });
}

/** A Job without completions and parallelism runs one pod to completion; its labels default to its pod labels. */
function job(object: Obj, spec: Obj, version: string): void {
  jobSpec(spec, version);
  const metadata = child(object, 'metadata');
  const templateLabels = isRecord(spec.template) && isRecord(spec.template.metadata) ? spec.template.metadata.labels : undefined;
  const labels = metadata.labels;
  if (isRecord(templateLabels) && (!isRecord(labels) || Object.keys(labels).length === 0)) metadata.labels = structuredClone(templateLabels);
}

function jobSpec(spec: Obj, version: string): void {
  if (isAbsent(spec.completions) && isAbsent(spec.parallelism)) spec.completions = 1;
  setMissing(spec, {
    parallelism: 1,
    backoffLimit: isAbsent(spec.backoffLimitPerIndex) ? 6 : 2_147_483_647,
    completionMode: 'NonIndexed',
    suspend: false,
    manualSelector: false,
  });
  if (isEnabled('JobPodReplacementPolicy', version)) setMissing(spec, { podReplacementPolicy: isAbsent(spec.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed' });
  const rules = isRecord(spec.podFailurePolicy) ? spec.podFailurePolicy.rules : undefined;
  for (const rule of Array.isArray(rules) ? rules.filter(isRecord) : []) {
    if (Array.isArray(rule.onPodConditions)) rule.onPodConditions.filter(isRecord).forEach((pattern) => setMissing(pattern, { status: 'True' }));
  }
  podTemplate(spec.template);
}

function cronJob(spec: Obj): void {
  setMissing(spec, { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : undefined;
  if (jobTemplate && isRecord(jobTemplate.spec)) podTemplate(jobTemplate.spec.template);
}

/** Cluster IPs, IP families and node ports are assigned by the Service registry, not defaulted: see compare.ts. */
function service(spec: Obj): void {
  setMissing(spec, { sessionAffinity: 'None', type: 'ClusterIP' });
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = child(spec, 'sessionAffinityConfig');
    setMissing(child(config, 'clientIP'), { timeoutSeconds: 10_800 });
  }
  for (const port of Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : []) {
    setMissing(port, { protocol: 'TCP' });
    if (isAbsent(port.targetPort) || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const externallyAccessible =
    spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) setMissing(spec, { externalTrafficPolicy: 'Cluster' });
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') setMissing(spec, { internalTrafficPolicy: 'Cluster' });
  if (spec.type === 'LoadBalancer') setMissing(spec, { allocateLoadBalancerNodePorts: true });
}

/** Decoding also merges `stringData` into `data`, base64-encoded (pkg/apis/core/v1/conversion.go, Convert_v1_Secret_To_core_Secret). */
function secret(object: Obj): void {
  setMissing(object, { type: 'Opaque' });
  if (!isRecord(object.stringData)) return;
  const data = isRecord(object.data) ? { ...object.data } : {};
  for (const [key, value] of Object.entries(object.stringData)) data[key] = Buffer.from(String(value)).toString('base64');
  object.data = data;
  delete object.stringData;
}

/** A PersistentVolumeClaim, or a claim template of a StatefulSet or an ephemeral volume. */
function claim(object: Obj): void {
  claimSpec(child(object, 'spec'));
  setMissing(child(object, 'status'), { phase: 'Pending' });
}

function claimSpec(spec: Obj): void {
  setMissing(spec, { volumeMode: 'Filesystem' });
}

function podTemplate(template: unknown): void {
  if (!isRecord(template)) return;
  podSpec(child(template, 'spec'));
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

function podSpec(spec: Obj): void {
  setMissing(spec, { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
  // Decoding fills each of serviceAccountName and its deprecated alias serviceAccount from the other
  // (pkg/apis/core/v1/conversion.go, Convert_v1_PodSpec_To_core_PodSpec and back).
  setMissing(spec, { serviceAccountName: spec.serviceAccount });
  setMissing(spec, { serviceAccount: spec.serviceAccountName });
  child(spec, 'securityContext');
  for (const volume of listOf(spec.volumes)) podVolume(volume);
  for (const list of CONTAINER_LISTS) listOf(spec[list]).forEach(container);
}

function listOf(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** Modes of the files of secret, configMap, downwardAPI and projected volumes: 0644. */
const DEFAULT_FILE_MODE = 0o644;
/** A volume source's `+default=` markers and SetDefaults_* functions, by source field. */
const VOLUME_SOURCE_DEFAULTS: Readonly<Record<string, Obj>> = {
  secret: { defaultMode: DEFAULT_FILE_MODE },
  configMap: { defaultMode: DEFAULT_FILE_MODE },
  downwardAPI: { defaultMode: DEFAULT_FILE_MODE },
  projected: { defaultMode: DEFAULT_FILE_MODE },
  hostPath: { type: '' },
  iscsi: { iscsiInterface: 'default' },
  rbd: { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' },
  azureDisk: { cachingMode: 'ReadWrite', fsType: 'ext4', readOnly: false, kind: 'Shared' },
  scaleIO: { storageMode: 'ThinProvisioned', fsType: 'xfs' },
};

/** Fields of a Volume that are not its source. */
const VOLUME_FIELDS = new Set(['name']);

function podVolume(volume: Obj): void {
  // A volume without any source is an emptyDir (SetDefaults_Volume).
  if (Object.keys(volume).every((key) => VOLUME_FIELDS.has(key) || isAbsent(volume[key]))) volume.emptyDir = {};
  for (const [source, defaults] of Object.entries(VOLUME_SOURCE_DEFAULTS)) {
    if (isRecord(volume[source])) setMissing(volume[source], defaults);
  }
  for (const item of listOf(isRecord(volume.downwardAPI) ? volume.downwardAPI.items : undefined)) fieldSelector(item.fieldRef);
  for (const projection of listOf(isRecord(volume.projected) ? volume.projected.sources : undefined)) {
    for (const item of listOf(isRecord(projection.downwardAPI) ? projection.downwardAPI.items : undefined)) fieldSelector(item.fieldRef);
    if (isRecord(projection.serviceAccountToken)) setMissing(projection.serviceAccountToken, { expirationSeconds: 3600 });
  }
  const ephemeral = isRecord(volume.ephemeral) ? volume.ephemeral.volumeClaimTemplate : undefined;
  if (isRecord(ephemeral)) claimSpec(child(ephemeral, 'spec'));
}

function container(container: Obj): void {
  setMissing(container, {
    imagePullPolicy: imageTag(container.image) === 'latest' ? 'Always' : 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
  for (const port of listOf(container.ports)) setMissing(port, { protocol: 'TCP' });
  for (const variable of listOf(container.env)) {
    const from = isRecord(variable.valueFrom) ? variable.valueFrom : {};
    fieldSelector(from.fieldRef);
    if (isRecord(from.fileKeyRef)) setMissing(from.fileKeyRef, { optional: false });
    // Not a default: the zero quantity the server stores, and prints, for a divisor left out.
    if (isRecord(from.resourceFieldRef)) setMissing(from.resourceFieldRef, { divisor: '0' });
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const value = container[probe];
    if (!isRecord(value)) continue;
    setMissing(value, { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    httpGet(value.httpGet);
    if (isRecord(value.grpc) && (value.grpc.service === undefined || value.grpc.service === null)) value.grpc.service = '';
  }
  const lifecycle = isRecord(container.lifecycle) ? container.lifecycle : {};
  for (const hook of ['postStart', 'preStop']) if (isRecord(lifecycle[hook])) httpGet((lifecycle[hook] as Obj).httpGet);
}

function httpGet(action: unknown): void {
  if (isRecord(action)) setMissing(action, { path: '/', scheme: 'HTTP' });
}

function fieldSelector(selector: unknown): void {
  if (isRecord(selector)) setMissing(selector, { apiVersion: 'v1' });
}

/**
 * The tag of a container image as the API server reads it (parsers.ParseImageName): the text after the last ':' of
 * the last path element; '' for an image pinned by digest only; 'latest' when there is neither.
 */
export function imageTag(image: unknown): string {
  if (typeof image !== 'string') return '';
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon >= 0) return last.slice(colon + 1);
  return at < 0 ? 'latest' : '';
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}
