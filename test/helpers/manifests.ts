/**
 * Manifest builders for tests: each returns the YAML text of one object, written by the `yaml` package (block
 * style, two-space indentation, list items indented under their key), so the line of a key can be read off the
 * object. Defaults give a minimal valid object named `web` whose pods carry `app: <name>`; options override them,
 * and `spec`, `pod` and `metadata` are merged key by key into the defaults (a key set to undefined is removed).
 * Join objects into one file with `documents(...)`.
 */
import { stringify } from 'yaml';

type Tree = Record<string, unknown>;

/** Objects written out in full (no anchors), and strings YAML 1.1 would read otherwise ("yes", "010") quoted. */
const STRINGIFY_OPTIONS = { aliasDuplicateObjects: false, version: '1.1' } as const;

export interface ObjectOptions {
  /** metadata.name (default 'web'). */
  name?: string;
  namespace?: string;
  apiVersion?: string;
  /** Merged into metadata. */
  metadata?: Tree;
  /** Merged into spec. */
  spec?: Tree;
}

export interface WorkloadOptions extends ObjectOptions {
  /** spec.replicas (absent unless given). */
  replicas?: unknown;
  /** The pod template's labels, also the selector's matchLabels (default { app: <name> }). */
  labels?: Tree;
  /** spec.selector, when not `{ matchLabels: <labels> }`. */
  selector?: unknown;
  /** Merged into the pod spec (spec.template.spec). */
  pod?: Tree;
}

/** An object with nothing but apiVersion, kind and metadata.name (default 'x'). */
export function bare(apiVersion: string, kind: string, name = 'x'): string {
  return stringify({ apiVersion, kind, metadata: { name } }, STRINGIFY_OPTIONS);
}

/** YAML documents joined into the text of one file. */
export function documents(...texts: string[]): string {
  return texts.join('---\n');
}

/**
 * Workload options for the object `db` of the schema and api-validation tests: pods labelled app: db and one container
 * `db` running postgres:16. `statefulSet(POSTGRES)` ends with the container's `image:` on line 17, so YAML lines
 * appended to it continue the container (indented 10 spaces) or the spec (2 spaces) from line 18; `deployment(POSTGRES)`
 * ends one line earlier (it has no serviceName).
 */
export const POSTGRES: Readonly<WorkloadOptions> = { name: 'db', labels: { app: 'db' }, pod: { containers: [{ name: 'db', image: 'postgres:16' }] } };

/** An apps/v1 StatefulSet governed by the Service `serviceName` (default: its own name), one nginx container. */
export function statefulSet(options: WorkloadOptions & { serviceName?: unknown } = {}): string {
  return workload('StatefulSet', options, { serviceName: options.serviceName ?? options.name ?? 'web' });
}

/** An apps/v1 Deployment with one nginx container. */
export function deployment(options: WorkloadOptions = {}): string {
  return workload('Deployment', options);
}

/**
 * An apps/v1 workload of `kind` (DaemonSet, ReplicaSet, Deployment, StatefulSet) with one nginx container: its spec
 * is replicas (when given), the `head` fields, selector, template, then the fields `options.spec` adds.
 */
export function workload(kind: string, options: WorkloadOptions = {}, head: Tree = {}): string {
  const name = options.name ?? 'web';
  const labels = options.labels ?? { app: name };
  const podSpec = merge({ containers: [{ name, image: 'nginx:1.27' }] }, options.pod);
  const spec = merge(
    {
      ...(options.replicas === undefined ? {} : { replicas: options.replicas }),
      ...head,
      selector: options.selector === undefined ? { matchLabels: labels } : options.selector,
      template: { metadata: { labels }, spec: podSpec },
    },
    options.spec,
  );
  return object(options.apiVersion ?? 'apps/v1', kind, options, { spec });
}

/** A headless v1 Service whose `selector` (default app: <name>) is on line 7. */
export function service(options: ObjectOptions & { selector?: unknown } = {}): string {
  const selector = options.selector === undefined ? { app: options.name ?? 'web' } : options.selector;
  return object(options.apiVersion ?? 'v1', 'Service', options, { spec: merge({ clusterIP: 'None', selector }, options.spec) });
}

/**
 * A policy/v1 PodDisruptionBudget: its `budget` fields (default maxUnavailable: 1) on line 6, then its `selector`
 * (default matchLabels app: web).
 */
export function pdb(options: ObjectOptions & { budget?: Tree; selector?: unknown } = {}): string {
  const spec = merge({ ...(options.budget ?? { maxUnavailable: 1 }), selector: options.selector === undefined ? { matchLabels: { app: 'web' } } : options.selector }, options.spec);
  return object(options.apiVersion ?? 'policy/v1', 'PodDisruptionBudget', options, { spec });
}

/** scaleTargetRef of an autoscaler: apiVersion (HorizontalPodAutoscaler default apps/v1), kind, name. */
export interface ScaleTarget {
  apiVersion?: string;
  /** Left out when not given (a ScaledObject then scales a Deployment). */
  kind?: string;
  name: string;
}

/** An autoscaling/v2 HorizontalPodAutoscaler scaling `target` (default the StatefulSet 'web') up to 4 replicas. */
export function hpa(options: ObjectOptions & { target?: ScaleTarget } = {}): string {
  const target = options.target ?? { kind: 'StatefulSet', name: 'web' };
  const spec = merge({ scaleTargetRef: { apiVersion: 'apps/v1', ...target }, maxReplicas: 4 }, options.spec);
  return object(options.apiVersion ?? 'autoscaling/v2', 'HorizontalPodAutoscaler', options, { spec });
}

/**
 * A keda.sh/v1alpha1 ScaledObject scaling `target` (default the StatefulSet 'web'; scaleTargetRef on line 6, or 7
 * with a namespace) on a cron trigger, with KEDA's default replica counts (0 to 100) unless `spec` sets them.
 */
export function scaledObject(options: ObjectOptions & { target?: ScaleTarget } = {}): string {
  const trigger = { type: 'cron', metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '3' } };
  const spec = merge({ scaleTargetRef: options.target ?? { kind: 'StatefulSet', name: 'web' }, triggers: [trigger] }, options.spec);
  return object(options.apiVersion ?? 'keda.sh/v1alpha1', 'ScaledObject', options, { spec });
}

/** The fields of a claim spec: storageClassName (first, when given; '' asks for no class) and accessModes. */
export interface ClaimOptions {
  storageClassName?: unknown;
  /** Default ['ReadWriteOnce']. */
  accessModes?: unknown;
}

/** A v1 PersistentVolumeClaim 'data' of 1Gi (access modes default ReadWriteOnce). */
export function claim(options: ObjectOptions & ClaimOptions = {}): string {
  return object(options.apiVersion ?? 'v1', 'PersistentVolumeClaim', { ...options, name: options.name ?? 'data' }, { spec: claimSpec(options) });
}

/**
 * One item of a StatefulSet's spec.volumeClaimTemplates, an object to put in `spec: { volumeClaimTemplates: [...] }`:
 * metadata (name 'data', then `metadata`) and the spec of `claim`.
 */
export function claimTemplate(options: Pick<ObjectOptions, 'name' | 'metadata' | 'spec'> & ClaimOptions = {}): Tree {
  return { metadata: merge({ name: options.name ?? 'data' }, options.metadata), spec: claimSpec(options) };
}

/**
 * A storage.k8s.io/v1 StorageClass 'standard' of the ebs.csi.aws.com provisioner, then the top-level `fields`
 * (volumeBindingMode, reclaimPolicy...); `isDefault` annotates it as the cluster's default StorageClass.
 */
export function storageClass(options: Omit<ObjectOptions, 'spec'> & { isDefault?: boolean; fields?: Tree } = {}): string {
  const annotations = options.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {};
  const metadata = { ...annotations, ...options.metadata };
  const body = { provisioner: 'ebs.csi.aws.com', ...options.fields };
  return object(options.apiVersion ?? 'storage.k8s.io/v1', 'StorageClass', { ...options, name: options.name ?? 'standard', metadata }, body);
}

/** A claim spec: storageClassName when given, access modes, a 1Gi request, then `spec`. */
function claimSpec(options: ClaimOptions & { spec?: Tree }): Tree {
  return merge(
    {
      ...(options.storageClassName === undefined ? {} : { storageClassName: options.storageClassName }),
      accessModes: options.accessModes === undefined ? ['ReadWriteOnce'] : options.accessModes,
      resources: { requests: { storage: '1Gi' } },
    },
    options.spec,
  );
}

/** apiVersion, kind, metadata (name, namespace, then `options.metadata`), then `body` (spec, or a StorageClass's fields). */
function object(apiVersion: string, kind: string, options: ObjectOptions, body: Tree): string {
  const metadata = merge({ name: options.name ?? 'web', ...(options.namespace === undefined ? {} : { namespace: options.namespace }) }, options.metadata);
  return stringify({ apiVersion, kind, metadata, ...body }, STRINGIFY_OPTIONS);
}

/** `over` laid onto `base`: mappings merged key by key, anything else replaced; undefined removes a key. */
function merge(base: Tree, over: Tree | undefined): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(over ?? {})) {
    const below = merged[key];
    if (value === undefined) delete merged[key];
    else merged[key] = isTree(value) && isTree(below) ? merge(below, value) : value;
  }
  return merged;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

