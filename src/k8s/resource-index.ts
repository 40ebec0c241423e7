import { isStatefulSet, WORKLOAD_KINDS } from './kinds.js';
import { controllerLabelKeys, statefulSetPodLabelSets } from './pod-template.js';
import { expressionsOf, matchLabelsOf, mapSelects, selects, type LabelSelector, type Labels } from './selectors.js';
import { isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

/** Kinds whose objects select pods with `spec.selector`, and how that selector is written. */
const SELECTOR_KINDS: Readonly<Record<string, 'labelSelector' | 'map'>> = {
  PodDisruptionBudget: 'labelSelector',
  Service: 'map',
};

/**
 * One requirement of a selector that a selected pod must meet and that labels can be looked up by: a label `key`
 * with one of `values` (matchLabels, `In`), or the key alone (`Exists`, `values` undefined).
 */
interface Anchor {
  key: string;
  values?: string[];
}

/**
 * Every resource of one run, looked up by kind, namespace, name and labels.
 * Built once; each lookup touches only the objects that can answer it, so that rules relating every object to
 * others stay linear in the number of objects: a selector is looked up by its most selective requirement, and a
 * pod's labels find only the selectors anchored on one of them.
 */
export class ResourceIndex {
  /** Every object of the run, in the order read (for the engine: rules look objects up with the methods below). */
  readonly resources: readonly Resource[];
  /** The objects of linted sources (not `--context` ones): the objects rules visit and report on. */
  readonly linted: readonly Resource[];
  private readonly ordinals = new Map<Resource, number>();
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKindNamespace = new Map<string, Resource[]>();
  private readonly byName = new Map<string, Resource[]>();
  private readonly byKindName = new Map<string, Resource[]>();
  /** Pod holders (workloads and Pods) by `namespace, label key, label value` of their pod labels. */
  private readonly podHoldersByLabel = new Map<string, Resource[]>();
  /** Pod holders by `namespace, label key`. */
  private readonly podHoldersByKey = new Map<string, Resource[]>();
  /** Selecting objects (Services, PDBs) by `kind, namespace, key, value` of the requirement they are anchored on. */
  private readonly selectorsByLabel = new Map<string, Resource[]>();
  /** Selecting objects anchored on an `Exists` requirement, by `kind, namespace, key`. */
  private readonly selectorsByKey = new Map<string, Resource[]>();
  /** Selecting objects without a requirement to anchor them (empty, or only NotIn / DoesNotExist), by `kind, namespace`. */
  private readonly selectorsOfAll = new Map<string, Resource[]>();
  private readonly targetsOf = new Map<string, Resource[]>();
  /**
   * The objects of the base (`--base`, `--base-files`): what runs now, kept apart from the run's objects and
   * compared with them; empty without a base. Rules find them with `base()`, never among `resources`.
   */
  readonly baseObjects: readonly Resource[];
  /** True when the run compares with a base, even one without objects (every object is then new). */
  readonly hasBase: boolean;
  private readonly baseByIdentity = new Map<string, Resource[]>();
  private currentByIdentity: Map<string, Resource> | undefined;
  private readonly groupings = new Map<string, Map<string, Resource[]>>();
  private observer: ((resource: Resource) => void) | undefined;
  private examinedCount = 0;
  /** The target Kubernetes version (MAJOR.MINOR), for the labels the StatefulSet controller adds; undefined: the newest. */
  readonly kubernetesVersion: string | undefined;
  /** The label keys the StatefulSet controller adds to its pods in that version (POD_NAME_LABEL, POD_INDEX_LABEL). */
  private readonly controllerKeys: ReadonlySet<string>;

  /** `base`: the objects of the base, or undefined when the run has none; `kubernetesVersion`: the target version. */
  constructor(resources: readonly Resource[], base?: readonly Resource[], kubernetesVersion?: string) {
    this.kubernetesVersion = kubernetesVersion;
    this.controllerKeys = new Set(controllerLabelKeys(kubernetesVersion));
    this.resources = resources;
    this.linted = resources.filter((resource) => !resource.source.contextOnly);
    resources.forEach((resource, ordinal) => {
      this.ordinals.set(resource, ordinal);
      this.add(resource);
    });
    // Anchors are chosen once every pod holder is known: each selector goes under its least common requirement.
    for (const resource of resources) {
      if (Object.hasOwn(SELECTOR_KINDS, resource.kind)) this.anchor(resource);
    }
    this.hasBase = base !== undefined;
    this.baseObjects = base ?? [];
    for (const resource of this.baseObjects) push(this.baseByIdentity, identityOf(resource), resource);
  }

  /**
   * The base object of the same group, kind, namespace and name, if the base has it. When the base has several, the
   * one read from the same file at the revision (`--base`), else the first one read.
   */
  base(resource: Resource): Resource | undefined {
    const found = this.baseByIdentity.get(identityOf(resource));
    return found?.find((candidate) => candidate.source.origin === resource.source.path) ?? found?.[0];
  }

  /** The run's object (linted or context) of the same group, kind, namespace and name as a base object. */
  current(baseObject: Resource): Resource | undefined {
    if (!this.currentByIdentity) {
      this.currentByIdentity = new Map();
      for (const resource of [...this.resources].reverse()) this.currentByIdentity.set(identityOf(resource), resource);
    }
    return this.currentByIdentity.get(identityOf(baseObject));
  }

  /**
   * Calls `work` and returns what it returns; meanwhile every linted object that a lookup of this index returns is
   * passed to `observer`. The engine uses it to name the linted objects behind a finding on a `--context` object.
   */
  observe<T>(observer: (resource: Resource) => void, work: () => T): T {
    const previous = this.observer;
    this.observer = observer;
    try {
      return work();
    } finally {
      this.observer = previous;
    }
  }

  /**
   * How many objects the lookups of this index have returned or examined so far: every object a lookup returns,
   * and every candidate a selector lookup tests. Tests compare it across input sizes to catch a lookup (or a rule)
   * that goes through a whole kind for each object.
   */
  get examined(): number {
    return this.examinedCount;
  }

  ofKind(kind: string): readonly Resource[] {
    return this.seen(this.byKind.get(kind) ?? []);
  }

  inNamespace(kind: string, namespace: string): readonly Resource[] {
    return this.seen(this.byKindNamespace.get(key(kind, namespace)) ?? []);
  }

  /** The object of that kind, namespace and name (the first one, if the run declares it twice). */
  get(kind: string, namespace: string, name: string): Resource | undefined {
    return this.seen(this.byName.get(key(kind, namespace, name))?.[0]);
  }

  /** Every object of that kind, namespace and name: more than one is a duplicate. */
  all(kind: string, namespace: string, name: string): readonly Resource[] {
    return this.seen(this.byName.get(key(kind, namespace, name)) ?? []);
  }

  /** Objects of that kind and name in any namespace. */
  named(kind: string, name: string): readonly Resource[] {
    return this.seen(this.byKindName.get(key(kind, name)) ?? []);
  }

  /**
   * The first object of the run with the resource's API group, kind, namespace and `metadata.name` (the resource
   * itself when it is the first); undefined when `metadata.name` is not a non-empty string (generateName).
   */
  firstDeclaration(resource: Resource): Resource | undefined {
    const declared = declarationKey(resource);
    if (declared === undefined) return undefined;
    return this.seen(this.grouping(resource.kind, 'declaration', declarationKey).get(declared)?.[0]);
  }

  /**
   * Objects of `kind` whose `keyOf` is `value`, in the order read. The grouping is built on first use and kept for
   * the run (a secondary index for helpers such as the StatefulSets of a governing Service), so that the objects
   * it returns are observed like those of any lookup. `grouping` names the key function: one name, one function.
   */
  groupedBy(kind: string, grouping: string, keyOf: (resource: Resource) => string | undefined, value: string): readonly Resource[] {
    return this.seen(this.grouping(kind, grouping, keyOf).get(value) ?? []);
  }

  /** Workloads and Pods in the namespace whose pod labels the selector selects, in the order read. */
  podHoldersSelectedBy(namespace: string, selector: LabelSelector): Resource[] {
    const anchors = anchorsOf(selector);
    let candidates: readonly Resource[];
    if (anchors.length === 0) {
      candidates = [...WORKLOAD_KINDS, 'Pod'].flatMap((kind) => this.byKindNamespace.get(key(kind, namespace)) ?? []);
    } else {
      const best = anchors.reduce((smallest, anchor) =>
        this.holderCount(namespace, anchor) < this.holderCount(namespace, smallest) ? anchor : smallest,
      );
      candidates = this.holdersOf(namespace, best);
    }
    const values = selectorValues(selector);
    this.examinedCount += candidates.length;
    return this.seen(candidates.filter((resource) => this.podLabelSets(resource, values).some((labels) => selects(selector, labels))));
  }

  /**
   * How many of a pod holder's pods the selectors of Services or PodDisruptionBudgets `selecting` select between
   * them: 'all', 'some' (a StatefulSet's pods picked by the labels its controller adds, such as
   * statefulset.kubernetes.io/pod-name) or 'none'.
   */
  coverage(selecting: Resource | readonly Resource[], holder: Resource): 'all' | 'some' | 'none' {
    const selectors = (Array.isArray(selecting) ? selecting : [selecting]) as readonly Resource[];
    const sets = this.podLabelSets(holder, selectors.flatMap(valuesOf));
    const selected = sets.filter((labels) => selectors.some((resource) => selectorOf(resource).selects(labels))).length;
    return selected === 0 ? 'none' : selected === sets.length ? 'all' : 'some';
  }

  /** Objects of a selecting kind in the holder's namespace that select some of its pods (see `coverage`), in the order read. */
  selectingPodsOf(kind: 'Service' | 'PodDisruptionBudget', holder: Resource): Resource[] {
    const found = this.selectingLabels(kind, holder.namespace, podLabels(holder));
    if (isStatefulSet(holder)) {
      for (const name of this.controllerKeys) {
        for (const resource of this.selectorsByKey.get(key(kind, holder.namespace, name)) ?? []) {
          this.examinedCount++;
          if (this.coverage(resource, holder) !== 'none') found.add(resource);
        }
      }
    }
    return this.seen(this.inOrder([...found]));
  }

  /** Objects of a selecting kind (Service, PodDisruptionBudget) in the namespace whose selector selects the labels, in the order read. */
  selecting(kind: 'Service' | 'PodDisruptionBudget', namespace: string, labels: Labels | undefined): Resource[] {
    return this.seen(this.inOrder([...this.selectingLabels(kind, namespace, labels)]));
  }

  /** Objects (HorizontalPodAutoscalers, KEDA ScaledObjects...) whose `spec.scaleTargetRef` names the resource. */
  targeting(resource: Resource): readonly Resource[] {
    return this.scaledBy(resource.kind, resource.namespace, resource.name);
  }

  /** Objects of the namespace whose `spec.scaleTargetRef` names that kind and name (see scaleTargetRefOf). */
  scaledBy(kind: string, namespace: string, name: string): readonly Resource[] {
    return this.seen(this.targetsOf.get(key(kind, namespace, name)) ?? []);
  }

  private add(resource: Resource): void {
    push(this.byKind, resource.kind, resource);
    push(this.byKindNamespace, key(resource.kind, resource.namespace), resource);
    push(this.byName, key(resource.kind, resource.namespace, resource.name), resource);
    push(this.byKindName, key(resource.kind, resource.name), resource);
    if (WORKLOAD_KINDS.has(resource.kind) || resource.kind === 'Pod') {
      const labels = podLabels(resource) ?? {};
      for (const [name, value] of Object.entries(labels)) {
        push(this.podHoldersByLabel, key(resource.namespace, name, String(value)), resource);
        push(this.podHoldersByKey, key(resource.namespace, name), resource);
      }
      // A StatefulSet's pods also carry the controller's labels, one value per pod: filed by key only.
      if (isStatefulSet(resource)) {
        for (const name of this.controllerKeys) if (!Object.hasOwn(labels, name)) push(this.podHoldersByKey, key(resource.namespace, name), resource);
      }
    }
    const target = scaleTargetRefOf(resource);
    if (target) push(this.targetsOf, key(target.kind, resource.namespace, target.name), resource);
  }

  /** File a selecting object under its requirement met by the fewest pod holders (under every value of an `In`). */
  private anchor(resource: Resource): void {
    if (!selectorOf(resource).canSelect) return;
    const { kind, namespace } = resource;
    const anchors = selectorAnchors(resource);
    if (anchors.length === 0) {
      push(this.selectorsOfAll, key(kind, namespace), resource);
      return;
    }
    const best = anchors.reduce((smallest, anchor) =>
      this.holderCount(namespace, anchor) < this.holderCount(namespace, smallest) ? anchor : smallest,
    );
    // Anchored on a label the StatefulSet controller adds: filed by key, as the StatefulSets are (see add).
    if (!best.values || this.controllerKeys.has(best.key)) push(this.selectorsByKey, key(kind, namespace, best.key), resource);
    else for (const value of best.values) push(this.selectorsByLabel, key(kind, namespace, best.key, value), resource);
  }

  private holderCount(namespace: string, anchor: Anchor): number {
    if (!anchor.values || this.controllerKeys.has(anchor.key)) return this.podHoldersByKey.get(key(namespace, anchor.key))?.length ?? 0;
    return anchor.values.reduce((sum, value) => sum + (this.podHoldersByLabel.get(key(namespace, anchor.key, value))?.length ?? 0), 0);
  }

  private holdersOf(namespace: string, anchor: Anchor): readonly Resource[] {
    if (!anchor.values || this.controllerKeys.has(anchor.key)) return this.podHoldersByKey.get(key(namespace, anchor.key)) ?? [];
    if (anchor.values.length === 1) return this.podHoldersByLabel.get(key(namespace, anchor.key, anchor.values[0])) ?? [];
    return this.inOrder(anchor.values.flatMap((value) => this.podHoldersByLabel.get(key(namespace, anchor.key, value)) ?? []));
  }

  /** The objects of this index that `selecting` returns, unordered. */
  private selectingLabels(kind: string, namespace: string, labels: Labels | undefined): Set<Resource> {
    const found = new Set<Resource>(this.selectorsOfAll.get(key(kind, namespace)) ?? []);
    for (const [name, value] of Object.entries(labels ?? {})) {
      for (const resource of this.selectorsByLabel.get(key(kind, namespace, name, String(value))) ?? []) found.add(resource);
      for (const resource of this.selectorsByKey.get(key(kind, namespace, name)) ?? []) found.add(resource);
    }
    this.examinedCount += found.size;
    return new Set([...found].filter((resource) => selectorOf(resource).selects(labels)));
  }

  /** The label sets of a holder's pods worth testing a selector with values `mentioned` against (one, but for StatefulSets). */
  private podLabelSets(resource: Resource, mentioned: readonly unknown[]): (Labels | undefined)[] {
    const labels = podLabels(resource);
    return isStatefulSet(resource) ? statefulSetPodLabelSets(resource, labels, this.kubernetesVersion, mentioned) : [labels];
  }

  private grouping(kind: string, name: string, keyOf: (resource: Resource) => string | undefined): Map<string, Resource[]> {
    const id = key(kind, name);
    let grouped = this.groupings.get(id);
    if (!grouped) {
      grouped = new Map();
      for (const resource of this.byKind.get(kind) ?? []) {
        const value = keyOf(resource);
        if (value !== undefined) push(grouped, value, resource);
      }
      this.groupings.set(id, grouped);
    }
    return grouped;
  }

  private inOrder(resources: Resource[]): Resource[] {
    return resources.sort((a, b) => this.ordinals.get(a)! - this.ordinals.get(b)!);
  }

  private seen<T extends Resource | readonly Resource[] | undefined>(found: T): T {
    if (found !== undefined) this.examinedCount += Array.isArray(found) ? found.length : 1;
    const observer = this.observer;
    if (!observer || found === undefined) return found;
    for (const resource of Array.isArray(found) ? (found as readonly Resource[]) : [found as Resource]) {
      if (!resource.source.contextOnly) observer(resource);
    }
    return found;
  }
}

/** The labels of the pods a resource runs: a Pod's own labels, or a workload's template labels. */
export function podLabels(resource: Resource): Labels | undefined {
  const metadata = resource.kind === 'Pod' ? resource.object.metadata : resource.object.spec?.template?.metadata;
  const labels = isRecord(metadata) ? metadata.labels : undefined;
  return isRecord(labels) ? labels : undefined;
}

/**
 * The kind and name `spec.scaleTargetRef` names, when both are non-empty strings. A KEDA ScaledObject's kind
 * defaults to Deployment (keda.sh/docs/2.15/reference/scaledobject-spec, "scaleTargetRef").
 */
export function scaleTargetRefOf(resource: Resource): { kind: string; name: string } | undefined {
  const ref = isRecord(resource.object.spec) ? resource.object.spec.scaleTargetRef : undefined;
  if (!isRecord(ref)) return undefined;
  const kind = ref.kind ?? (resource.kind === 'ScaledObject' && resource.group === 'keda.sh' ? 'Deployment' : undefined);
  return typeof kind === 'string' && kind !== '' && typeof ref.name === 'string' && ref.name !== '' ? { kind, name: ref.name } : undefined;
}

/** Every value a label selector names (matchLabels values, requirement values). */
function selectorValues(selector: LabelSelector | undefined): unknown[] {
  const values: unknown[] = matchLabelsOf(selector).map(([, value]) => value);
  for (const requirement of expressionsOf(selector)) {
    if (Array.isArray(requirement.values)) for (const value of requirement.values) values.push(value);
  }
  return values;
}

/** Every value the selector of a selecting object (Service, PodDisruptionBudget) names. */
function valuesOf(resource: Resource): unknown[] {
  const selector = resource.object.spec?.selector;
  if (!isRecord(selector)) return [];
  return SELECTOR_KINDS[resource.kind] === 'map' ? Object.values(selector) : selectorValues(selector);
}

/** The requirements of a label selector that a selected pod must meet and that can be looked up (matchLabels, In, Exists). */
function anchorsOf(selector: LabelSelector | undefined): Anchor[] {
  const anchors: Anchor[] = matchLabelsOf(selector).map(([name, value]) => ({ key: name, values: [String(value)] }));
  for (const requirement of expressionsOf(selector)) {
    if (typeof requirement.key !== 'string') continue;
    if (requirement.operator === 'In' && Array.isArray(requirement.values)) {
      anchors.push({ key: requirement.key, values: [...new Set(requirement.values.map(String))] });
    } else if (requirement.operator === 'Exists') anchors.push({ key: requirement.key });
  }
  return anchors;
}

interface Selector {
  /** False when the selector selects no pod whatever the labels (a Service without selector, a PDB without one). */
  canSelect: boolean;
  selects(labels: Labels | undefined): boolean;
}

function selectorOf(resource: Resource): Selector {
  const selector = resource.object.spec?.selector;
  if (SELECTOR_KINDS[resource.kind] === 'map') {
    const map = isRecord(selector) ? selector : {};
    // A Service without a selector selects no pods (its endpoints are managed by hand).
    const canSelect = Object.keys(map).length > 0;
    return { canSelect, selects: (labels) => canSelect && mapSelects(map, labels) };
  }
  const labelSelector = isRecord(selector) ? (selector as LabelSelector) : undefined;
  // policy/v1: an empty selector selects every pod of the namespace; a missing one selects none.
  return {
    canSelect: labelSelector !== undefined,
    selects: (labels) => labelSelector !== undefined && selects(labelSelector, labels),
  };
}

/** The anchors of a selecting object's `spec.selector` (a Service's map: each of its pairs). */
function selectorAnchors(resource: Resource): Anchor[] {
  const selector = resource.object.spec?.selector;
  if (SELECTOR_KINDS[resource.kind] === 'labelSelector') return anchorsOf(isRecord(selector) ? selector : undefined);
  return Object.entries(isRecord(selector) ? selector : {}).map(([name, value]) => ({ key: name, values: [String(value)] }));
}

/** `group, namespace, metadata.name` of an object named explicitly; undefined for generateName or no name. */
function declarationKey(resource: Resource): string | undefined {
  const name = resource.object.metadata?.name;
  return typeof name === 'string' && name !== '' ? key(resource.group, resource.namespace, name) : undefined;
}

/** `group, kind, namespace, name`: what matches an object with its base object. */
function identityOf(resource: Resource): string {
  return key(resource.group, resource.kind, resource.namespace, resource.name);
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey);
  if (list) list.push(value);
  else map.set(mapKey, [value]);
}
