import { WORKLOAD_KINDS } from './kinds.js';
import { matchLabelsOf, mapSelects, selects, type LabelSelector, type Labels } from './selectors.js';
import { isRecord } from '../util/guards.js';
import type { Resource } from '../types.js';

/** Kinds whose objects select pods with `spec.selector`, and how that selector is written. */
const SELECTOR_KINDS: Readonly<Record<string, 'labelSelector' | 'map'>> = {
  PodDisruptionBudget: 'labelSelector',
  Service: 'map',
};

/**
 * Every resource of one run, looked up by kind, namespace, name and labels.
 * Built once; each lookup touches only the objects that can answer it.
 */
export class ResourceIndex {
  /** Every object of the run, in the order read. */
  readonly resources: readonly Resource[];
  /** The objects of linted sources (not `--context` ones): the objects rules visit and report on. */
  readonly linted: readonly Resource[];
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKindNamespace = new Map<string, Resource[]>();
  private readonly byName = new Map<string, Resource[]>();
  /** Pod holders (workloads and Pods) by `namespace, label key, label value` of their pod labels. */
  private readonly podHoldersByLabel = new Map<string, Resource[]>();
  /** Selecting objects (Services, PDBs) by `kind, namespace, key, value` of their selector's label pairs. */
  private readonly selectorsByLabel = new Map<string, Resource[]>();
  private readonly targetsOf = new Map<string, Resource[]>();

  constructor(resources: readonly Resource[]) {
    this.resources = resources;
    this.linted = resources.filter((resource) => !resource.source.contextOnly);
    for (const resource of resources) this.add(resource);
  }

  ofKind(kind: string): readonly Resource[] {
    return this.byKind.get(kind) ?? [];
  }

  inNamespace(kind: string, namespace: string): readonly Resource[] {
    return this.byKindNamespace.get(key(kind, namespace)) ?? [];
  }

  /** The object of that kind, namespace and name (the first one, if the run declares it twice). */
  get(kind: string, namespace: string, name: string): Resource | undefined {
    return this.byName.get(key(kind, namespace, name))?.[0];
  }

  /** Every object of that kind, namespace and name: more than one is a duplicate. */
  all(kind: string, namespace: string, name: string): readonly Resource[] {
    return this.byName.get(key(kind, namespace, name)) ?? [];
  }

  /** Objects of that kind and name in any namespace. */
  named(kind: string, name: string): Resource[] {
    return this.ofKind(kind).filter((resource) => resource.name === name);
  }

  /** Workloads and Pods in the namespace whose pod labels the selector selects. */
  podHoldersSelectedBy(namespace: string, selector: LabelSelector): Resource[] {
    const pairs = matchLabelsOf(selector);
    let candidates: readonly Resource[];
    if (pairs.length === 0) {
      candidates = [...WORKLOAD_KINDS, 'Pod'].flatMap((kind) => this.inNamespace(kind, namespace));
    } else {
      candidates = pairs
        .map(([name, value]) => this.podHoldersByLabel.get(key(namespace, name, String(value))) ?? [])
        .reduce((smallest, bucket) => (bucket.length < smallest.length ? bucket : smallest));
    }
    return candidates.filter((resource) => selects(selector, podLabels(resource)));
  }

  /** Objects of a selecting kind (Service, PodDisruptionBudget) in the namespace whose selector selects the labels. */
  selecting(kind: 'Service' | 'PodDisruptionBudget', namespace: string, labels: Labels | undefined): Resource[] {
    const found = new Set<Resource>(this.selectorsByLabel.get(key(kind, namespace, '', '')) ?? []);
    for (const [name, value] of Object.entries(labels ?? {})) {
      for (const resource of this.selectorsByLabel.get(key(kind, namespace, name, String(value))) ?? []) {
        found.add(resource);
      }
    }
    return [...found].filter((resource) => selectorOf(resource).selects(labels));
  }

  /** Objects (HorizontalPodAutoscalers, KEDA ScaledObjects...) whose `spec.scaleTargetRef` names the resource. */
  targeting(resource: Resource): readonly Resource[] {
    return this.scaledBy(resource.kind, resource.namespace, resource.name);
  }

  /** Objects of the namespace whose `spec.scaleTargetRef` names that kind and name (see scaleTargetRefOf). */
  scaledBy(kind: string, namespace: string, name: string): readonly Resource[] {
    return this.targetsOf.get(key(kind, namespace, name)) ?? [];
  }

  private add(resource: Resource): void {
    push(this.byKind, resource.kind, resource);
    push(this.byKindNamespace, key(resource.kind, resource.namespace), resource);
    push(this.byName, key(resource.kind, resource.namespace, resource.name), resource);
    if (WORKLOAD_KINDS.has(resource.kind) || resource.kind === 'Pod') {
      for (const [name, value] of Object.entries(podLabels(resource) ?? {})) {
        push(this.podHoldersByLabel, key(resource.namespace, name, String(value)), resource);
      }
    }
    if (Object.hasOwn(SELECTOR_KINDS, resource.kind)) {
      const pairs = selectorOf(resource).pairs;
      if (pairs.length === 0) push(this.selectorsByLabel, key(resource.kind, resource.namespace, '', ''), resource);
      for (const [name, value] of pairs) {
        push(this.selectorsByLabel, key(resource.kind, resource.namespace, name, String(value)), resource);
      }
    }
    const target = scaleTargetRefOf(resource);
    if (target) push(this.targetsOf, key(target.kind, resource.namespace, target.name), resource);
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

function selectorOf(resource: Resource): { pairs: [string, unknown][]; selects(labels: Labels | undefined): boolean } {
  const selector = resource.object.spec?.selector;
  if (SELECTOR_KINDS[resource.kind] === 'map') {
    const map = isRecord(selector) ? selector : {};
    // A Service without a selector selects no pods (its endpoints are managed by hand).
    const empty = Object.keys(map).length === 0;
    return { pairs: Object.entries(map), selects: (labels) => !empty && mapSelects(map, labels) };
  }
  const labelSelector = isRecord(selector) ? (selector as LabelSelector) : undefined;
  // policy/v1: an empty selector selects every pod of the namespace; a missing one selects none.
  return {
    pairs: matchLabelsOf(labelSelector),
    selects: (labels) => labelSelector !== undefined && selects(labelSelector, labels),
  };
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey);
  if (list) list.push(value);
  else map.set(mapKey, [value]);
}
