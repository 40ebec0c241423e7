import { parseQuantity } from './quantity.js';
import { selects, type LabelSelector } from './selectors.js';
import { isRecord } from '../util/guards.js';
import type { ResourceIndex } from './resource-index.js';
import type { ObjectPath, Resource } from '../types.js';

/**
 * What stslint knows of StorageClasses and PersistentVolumes, and their lookups: by name, the default class, volumes
 * by class. The lookups are built once per ResourceIndex (one pass over its StorageClasses and PersistentVolumes),
 * so a rule visiting every claim does no scan per claim.
 */

/** The legacy class annotation, read before `storageClassName` on claims and volumes (GetPersistentVolumeClaimClass). */
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
/** Marks the default StorageClass, GA and beta spellings (pkg/volume/util/storageclass.go, IsDefaultAnnotation). */
const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** The class a claim asks for, and where it is written. */
export interface ClaimClass {
  /** null: no class written (the cluster's default StorageClass applies); '': no class at all; else the class name. */
  name: string | null;
  /** Path of the annotation or of `spec.storageClassName` inside the object; the claim's `spec` when neither is set. */
  path: ObjectPath;
}

/**
 * The class of a PersistentVolumeClaim or claim template, given its metadata and spec and the path of the claim in
 * its object ([] for a claim, ['spec', 'volumeClaimTemplates', i] for a template). The beta annotation wins over
 * `spec.storageClassName` (component-helpers/storage/volume/helpers.go, GetPersistentVolumeClaimClass).
 */
export function claimClassOf(claim: Record<string, unknown>, base: ObjectPath): ClaimClass {
  const metadata = isRecord(claim.metadata) ? claim.metadata : {};
  const spec = isRecord(claim.spec) ? claim.spec : {};
  const annotated = isRecord(metadata.annotations) ? metadata.annotations[BETA_STORAGE_CLASS_ANNOTATION] : undefined;
  if (typeof annotated === 'string') return { name: annotated, path: [...base, 'metadata', 'annotations', BETA_STORAGE_CLASS_ANNOTATION] };
  if (typeof spec.storageClassName === 'string') return { name: spec.storageClassName, path: [...base, 'spec', 'storageClassName'] };
  return { name: null, path: [...base, 'spec'] };
}

interface StorageLookups {
  /** storage.k8s.io StorageClasses by name; the first of a name declared twice. */
  classes: Map<string, Resource>;
  defaultClass: Resource | undefined;
  /** Core PersistentVolumes by class ('' for none). */
  volumesByClass: Map<string, Resource[]>;
}

const lookupsCache = new WeakMap<ResourceIndex, StorageLookups>();

function lookups(index: ResourceIndex): StorageLookups {
  let found = lookupsCache.get(index);
  if (!found) {
    const classes = new Map<string, Resource>();
    for (const storageClass of index.ofKind('StorageClass').filter(isStorageClass)) {
      if (!classes.has(storageClass.name)) classes.set(storageClass.name, storageClass);
    }
    const volumesByClass = new Map<string, Resource[]>();
    for (const volume of index.ofKind('PersistentVolume').filter((resource) => resource.group === '')) {
      const className = volumeClassOf(volume);
      const list = volumesByClass.get(className);
      if (list) list.push(volume);
      else volumesByClass.set(className, [volume]);
    }
    found = { classes, defaultClass: pickDefaultClass([...classes.values()].filter(isDefaultStorageClass)), volumesByClass };
    lookupsCache.set(index, found);
  }
  return found;
}

/** The StorageClass of that name in the inputs (`--context` included). */
export function storageClassNamed(index: ResourceIndex, name: string): Resource | undefined {
  return lookups(index).classes.get(name);
}

/** The names of the StorageClasses in the inputs, in input order. */
export function storageClassNames(index: ResourceIndex): string[] {
  return [...lookups(index).classes.keys()];
}

/** The StorageClass of the inputs marked as the cluster's default (see pickDefaultClass); undefined without one. */
export function defaultStorageClass(index: ResourceIndex): Resource | undefined {
  return lookups(index).defaultClass;
}

/** The PersistentVolumes of the inputs of that class ('' for volumes without one). */
export function volumesOfClass(index: ResourceIndex, className: string): readonly Resource[] {
  return lookups(index).volumesByClass.get(className) ?? [];
}

/** The StorageClass of the inputs a claim gets, and whether it is the cluster's default one. */
export interface ClaimStorageClass {
  storageClass: Resource;
  /** True when the claim writes no class and gets the default StorageClass (DefaultStorageClass admission plugin). */
  viaDefault: boolean;
}

/**
 * The StorageClass in the inputs a claim of this class gets: the one of that name, or for a claim that writes no
 * class the one marked default (storageclass.kubernetes.io/is-default-class: "true"), which the DefaultStorageClass
 * admission plugin writes into the claim when it is created. Undefined for `storageClassName: ""` (no class) and when
 * the inputs declare no such StorageClass.
 */
export function storageClassOfClaim(index: ResourceIndex, claimClass: ClaimClass): ClaimStorageClass | undefined {
  if (claimClass.name === '') return undefined;
  const storageClass = claimClass.name === null ? defaultStorageClass(index) : storageClassNamed(index, claimClass.name);
  return storageClass && { storageClass, viaDefault: claimClass.name === null };
}

export function isStorageClass(resource: Resource): boolean {
  return resource.kind === 'StorageClass' && resource.group === 'storage.k8s.io';
}

/** True when an annotation marks the class as the cluster's default (the value must be the string "true"). */
export function isDefaultStorageClass(storageClass: Resource): boolean {
  const annotations = storageClass.object.metadata?.annotations;
  return isRecord(annotations) && DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true');
}

/**
 * The default class Kubernetes picks among several marked default: the newest by `metadata.creationTimestamp`, then
 * the first by name (pkg/volume/util/storageclass.go, GetDefaultClass). Manifests rarely carry timestamps, so
 * among those the first name wins. Undefined for an empty list.
 */
export function pickDefaultClass(defaults: readonly Resource[]): Resource | undefined {
  const created = (resource: Resource) => {
    const time = Date.parse(String(resource.object.metadata?.creationTimestamp));
    return Number.isNaN(time) ? -Infinity : time;
  };
  return [...defaults].sort((a, b) => created(b) - created(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/** A StorageClass's provisioning settings, with the API server's defaults filled in. */
export interface StorageClassFacts {
  /** `provisioner` as written; null when missing. */
  provisioner: string | null;
  /** `volumeBindingMode`, default Immediate (pkg/apis/storage/v1/defaults.go). */
  volumeBindingMode: string;
  /** `reclaimPolicy`, default Delete (pkg/apis/storage/v1/defaults.go). */
  reclaimPolicy: string;
  /** `allowVolumeExpansion`; unset means false. */
  allowVolumeExpansion: boolean;
}

export function storageClassFacts(storageClass: Resource): StorageClassFacts {
  const { provisioner, volumeBindingMode, reclaimPolicy, allowVolumeExpansion } = storageClass.object;
  return {
    provisioner: typeof provisioner === 'string' ? provisioner : null,
    volumeBindingMode: typeof volumeBindingMode === 'string' ? volumeBindingMode : 'Immediate',
    reclaimPolicy: typeof reclaimPolicy === 'string' ? reclaimPolicy : 'Delete',
    allowVolumeExpansion: allowVolumeExpansion === true,
  };
}

/** The class of a PersistentVolume: the beta annotation, else `spec.storageClassName`, else '' (GetPersistentVolumeClass). */
export function volumeClassOf(volume: Resource): string {
  const annotated = volume.object.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (typeof annotated === 'string') return annotated;
  const name = isRecord(volume.object.spec) ? volume.object.spec.storageClassName : undefined;
  return typeof name === 'string' ? name : '';
}

/** A claim as the volume binder sees it. */
export interface ClaimRequest {
  namespace: string;
  /** The claim's name, or a test of the names it can have (the claims a StatefulSet template generates). */
  named: (name: string) => boolean;
  spec: Record<string, unknown>;
}

/**
 * True when a PersistentVolume of the claim's class could be bound to the claim: not reserved for another claim
 * (`claimRef`), named by `spec.volumeName` when the claim names one, large enough, of the same volume mode, with
 * every access mode the claim asks for, and with labels the claim's `selector` selects
 * (component-helpers/storage/volume/pv_helpers.go, FindMatchingVolume, CheckAccessModes). The class itself is
 * compared by the caller, which looks volumes up by class.
 */
export function volumeCouldBind(volume: Resource, claim: ClaimRequest): boolean {
  const spec = isRecord(volume.object.spec) ? volume.object.spec : {};
  const ref = spec.claimRef;
  if (isRecord(ref) && (ref.name !== undefined || ref.namespace !== undefined)) {
    if (ref.namespace !== claim.namespace || typeof ref.name !== 'string' || !claim.named(ref.name)) return false;
  }
  const volumeName = claim.spec.volumeName;
  if (typeof volumeName === 'string' && volumeName !== '' && volumeName !== volume.name) return false;
  const requested = parseQuantity(isRecord(claim.spec.resources) && isRecord(claim.spec.resources.requests) ? claim.spec.resources.requests.storage : undefined);
  const capacity = parseQuantity(isRecord(spec.capacity) ? spec.capacity.storage : undefined);
  if (requested !== undefined && capacity !== undefined && capacity < requested) return false;
  if ((claim.spec.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) return false;
  const offered = Array.isArray(spec.accessModes) ? spec.accessModes : [];
  const asked = Array.isArray(claim.spec.accessModes) ? claim.spec.accessModes : [];
  if (!asked.every((mode) => offered.includes(mode))) return false;
  const selector = claim.spec.selector;
  const labels = volume.object.metadata?.labels;
  return !isRecord(selector) || selects(selector as LabelSelector, isRecord(labels) ? labels : undefined);
}
