/**
 * Comparing an object of the base (what runs now) with the same object of the manifests, the way the API server
 * compares them on update: both with the API defaults applied (src/k8s/defaults.ts), without what the server owns
 * (status, server-set metadata), and with apimachinery's semantic equality (pkg/api/equality: quantities compared
 * by value; third_party/forked/golang/reflect/deep_equal.go: an empty list or map equals a missing one).
 */
import { withDefaults } from '../k8s/defaults.js';
import { parseQuantity } from '../k8s/quantity.js';
import type { ObjectPath, Resource } from '../types.js';
import { isRecord } from '../util/guards.js';

type Obj = Record<string, unknown>;

/** One difference between a base object and the current one. */
export interface Difference {
  /** Path of the key in the current object; for something only the base has, the closest parent the current one has. */
  path: ObjectPath;
  /** The base's value; undefined when it does not set it. */
  old: unknown;
  /** The current value; undefined when it does not set it. */
  new: unknown;
}

/** Metadata the API server keeps for a user's object; everything else in metadata is the server's own. */
const USER_METADATA = ['name', 'namespace', 'generateName', 'labels', 'annotations'];

/** Annotations written by the server, controllers, kubectl and Helm, never by the manifests. */
const SERVER_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'meta.helm.sh/release-name',
  'meta.helm.sh/release-namespace',
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/selected-node',
]);

/**
 * Keys whose empty string is a value of its own, not the same as leaving the key out (pointer fields in the API
 * types: `storageClassName: ""` asks for no class, a missing one for the default class).
 */
const EMPTY_STRING_MEANS_SOMETHING = new Set(['storageClassName', 'volumeAttributesClassName']);

/** Maps whose values are quantities (ResourceList), and single quantity fields. */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'overhead', 'allocatedResources']);
const QUANTITY_FIELDS = new Set(['sizeLimit', 'divisor']);

/**
 * The object as the API server holds it for comparison: defaults applied (for the target version, MAJOR.MINOR),
 * `status` and server-set metadata dropped at the top and in the templates it embeds (pod templates, claim
 * templates, job templates).
 */
export function comparable(resource: Resource, version: string): Obj {
  const object = withDefaults(resource, version);
  delete object.status;
  keepUserMetadata(object);
  const spec = isRecord(object.spec) ? object.spec : {};
  for (const template of [spec.template, isRecord(spec.jobTemplate) ? spec.jobTemplate : undefined]) {
    if (isRecord(template)) keepUserMetadata(template);
  }
  const jobTemplateSpec = isRecord(spec.jobTemplate) && isRecord(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
  if (isRecord(jobTemplateSpec.template)) keepUserMetadata(jobTemplateSpec.template);
  for (const claim of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.filter(isRecord) : []) {
    // A claim template's apiVersion, kind and status are dropped on decode or owned by the server.
    delete claim.apiVersion;
    delete claim.kind;
    delete claim.status;
    keepUserMetadata(claim);
  }
  return object;
}

function keepUserMetadata(holder: Obj): void {
  if (!isRecord(holder.metadata)) return;
  const metadata: Obj = {};
  for (const key of USER_METADATA) if (holder.metadata[key] !== undefined) metadata[key] = holder.metadata[key];
  if (isRecord(metadata.annotations)) {
    metadata.annotations = Object.fromEntries(Object.entries(metadata.annotations).filter(([key]) => !SERVER_ANNOTATIONS.has(key)));
  }
  holder.metadata = metadata;
}

/**
 * True for an object read from a live cluster (`kubectl get -o yaml`): the API server gave it a uid, a
 * resourceVersion, managed fields or a creation time, which no manifest carries.
 */
export function isLiveObject(resource: Resource): boolean {
  const metadata = resource.object.metadata;
  if (!isRecord(metadata)) return false;
  return ['uid', 'resourceVersion', 'managedFields'].some((key) => metadata[key] !== undefined) || typeof metadata.creationTimestamp === 'string';
}

/**
 * Every difference between two values (objects as `comparable` returns them), at the deepest key where they
 * differ: a changed scalar is one difference at its key, a list item only one side has one difference at the item.
 * Lists of items that all have distinct names (`name` or `metadata.name`) are matched by name (an item renamed in
 * place with what was at its position), and a change of their order is one difference at the list; other lists are
 * matched by position. `path` is where the values sit in the current object.
 */
export function differences(old: unknown, current: unknown, path: ObjectPath = []): Difference[] {
  const key = path.at(-1);
  const parentKey = path.at(-2);
  if (isRecord(old) || isRecord(current)) {
    if (!isRecordOrUnset(old) || !isRecordOrUnset(current)) return [{ path, old, new: current }];
    const before = isRecord(old) ? old : {};
    const after = isRecord(current) ? current : {};
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((name) => differences(before[name], after[name], [...path, name]));
  }
  if (Array.isArray(old) || Array.isArray(current)) {
    if (!isListOrUnset(old) || !isListOrUnset(current)) return [{ path, old, new: current }];
    return listDifferences(old ?? [], current ?? [], path);
  }
  if (typeof key === 'string' && (QUANTITY_FIELDS.has(key) || (typeof parentKey === 'string' && QUANTITY_MAPS.has(parentKey)))) {
    // A quantity left out is zero (resource.Quantity's zero value).
    const [a, b] = [parseQuantity(old ?? 0), parseQuantity(current ?? 0)];
    if (a !== undefined && b !== undefined) return a === b ? [] : [{ path, old, new: current }];
  }
  if (old === current) return [];
  const emptyMeansSomething = typeof key === 'string' && EMPTY_STRING_MEANS_SOMETHING.has(key);
  if (isZero(old, emptyMeansSomething) && isZero(current, emptyMeansSomething)) return [];
  return [{ path, old, new: current }];
}

function listDifferences(old: unknown[], current: unknown[], path: ObjectPath): Difference[] {
  const oldNames = old.map(itemName);
  const newNames = current.map(itemName);
  const named = [...oldNames, ...newNames].every((name) => name !== undefined) && unique(oldNames) && unique(newNames);
  if (!named) {
    const length = Math.max(old.length, current.length);
    return Array.from({ length }, (_, i) => {
      if (i >= current.length) return [{ path, old: old[i], new: undefined }];
      return i >= old.length ? [{ path: [...path, i], old: undefined, new: current[i] }] : differences(old[i], current[i], [...path, i]);
    }).flat();
  }
  // An item renamed in place (its name gone, a new name at the same position) is compared with what was there.
  const renamedAt = (i: number) => i < old.length && !newNames.includes(oldNames[i]) && !oldNames.includes(newNames[i]);
  const found: Difference[] = current.flatMap((item, i) => {
    const at = renamedAt(i) ? i : oldNames.indexOf(newNames[i]);
    return at < 0 ? [{ path: [...path, i], old: undefined, new: item }] : differences(old[at], item, [...path, i]);
  });
  old.forEach((item, i) => {
    if (!newNames.includes(oldNames[i]) && !(i < current.length && renamedAt(i))) found.push({ path, old: item, new: undefined });
  });
  const kept = oldNames.filter((name) => newNames.includes(name));
  const keptNow = newNames.filter((name) => oldNames.includes(name));
  if (kept.join('\u0000') !== keptNow.join('\u0000')) found.push({ path, old: kept, new: keptNow });
  return found;
}

function itemName(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  if (typeof item.name === 'string') return item.name;
  return isRecord(item.metadata) && typeof item.metadata.name === 'string' ? item.metadata.name : undefined;
}

function unique(names: (string | undefined)[]): boolean {
  return new Set(names).size === names.length;
}

function isRecordOrUnset(value: unknown): boolean {
  return isRecord(value) || value === undefined || value === null;
}

function isListOrUnset(value: unknown): value is unknown[] | undefined {
  return Array.isArray(value) || value === undefined || value === null;
}

/** Go's zero values: a field set to one is the same as a field left out (for non-pointer fields). */
function isZero(value: unknown, emptyMeansSomething: boolean): boolean {
  if (value === undefined || value === null) return true;
  if (value === '') return !emptyMeansSomething;
  return value === false || value === 0;
}

/** A value for a message: `not set`, a scalar as written, a list or mapping as compact JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  if (value === '') return '""';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A path as the API server writes it in its errors: `spec.volumeClaimTemplates[0].metadata.labels[helm.sh/chart]`. */
export function displayPath(path: ObjectPath): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      if (!/^[A-Za-z0-9_-]+$/.test(part)) return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}
