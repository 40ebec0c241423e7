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
  return object(options.apiVersion ?? 'apps/v1', kind, options, spec);
}

/** A headless v1 Service whose `selector` (default app: <name>) is on line 7. */
export function service(options: ObjectOptions & { selector?: unknown } = {}): string {
  const selector = options.selector === undefined ? { app: options.name ?? 'web' } : options.selector;
  return object(options.apiVersion ?? 'v1', 'Service', options, merge({ clusterIP: 'None', selector }, options.spec));
}

/**
 * A policy/v1 PodDisruptionBudget: its `budget` fields (default maxUnavailable: 1) on line 6, then its `selector`
 * (default matchLabels app: web).
 */
export function pdb(options: ObjectOptions & { budget?: Tree; selector?: unknown } = {}): string {
  const spec = merge({ ...(options.budget ?? { maxUnavailable: 1 }), selector: options.selector === undefined ? { matchLabels: { app: 'web' } } : options.selector }, options.spec);
  return object(options.apiVersion ?? 'policy/v1', 'PodDisruptionBudget', options, spec);
}

/** An autoscaling/v2 HorizontalPodAutoscaler scaling `target` (default the StatefulSet 'web') up to 4 replicas. */
export function hpa(options: ObjectOptions & { target?: { kind: string; name: string } } = {}): string {
  const target = options.target ?? { kind: 'StatefulSet', name: 'web' };
  const spec = merge({ scaleTargetRef: { apiVersion: 'apps/v1', ...target }, maxReplicas: 4 }, options.spec);
  return object(options.apiVersion ?? 'autoscaling/v2', 'HorizontalPodAutoscaler', options, spec);
}

/** A v1 PersistentVolumeClaim 'data' of 1Gi with the given access modes (default ReadWriteOnce). */
export function claim(options: ObjectOptions & { accessModes?: unknown } = {}): string {
  const spec = merge({ accessModes: options.accessModes === undefined ? ['ReadWriteOnce'] : options.accessModes, resources: { requests: { storage: '1Gi' } } }, options.spec);
  return object(options.apiVersion ?? 'v1', 'PersistentVolumeClaim', { ...options, name: options.name ?? 'data' }, spec);
}

function object(apiVersion: string, kind: string, options: ObjectOptions, spec: Tree): string {
  const metadata = merge({ name: options.name ?? 'web', ...(options.namespace === undefined ? {} : { namespace: options.namespace }) }, options.metadata);
  return stringify({ apiVersion, kind, metadata, spec }, STRINGIFY_OPTIONS);
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

/**
 * A StatefulSet `db` (serviceName db, selector and template labels app=db, one container `db` running postgres:16
 * on line 16-17) with `container` lines appended to its container and `spec` lines appended to its spec (from line
 * 18 when `container` is empty), and `metadata` appended to its `name: db` line.
 */
export const statefulSetYaml = ({ spec = '', container = '', metadata = '', name = 'db' } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}${metadata}
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16
${container}${spec}`;
