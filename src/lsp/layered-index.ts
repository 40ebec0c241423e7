import { ResourceIndex } from '../k8s/resource-index.js';
import type { LabelSelector, Labels } from '../k8s/selectors.js';
import type { Resource } from '../types.js';

/**
 * The index of one buffer's lint, made of two layers: the buffer's objects (indexed at each keystroke, a few) in
 * front of an index of the workspace's context objects (built once, kept while the context does not change), less
 * the objects of the buffer's own file in that context (it may hold an older text of it). Each lookup answers what
 * `new ResourceIndex([...buffer objects, ...context objects but the file's])` would: the buffer's objects first, then
 * the context's, in the order read. No base: runs with a base do not use it (src/lsp/workspace.ts).
 *
 * Every public lookup of ResourceIndex is overridden here or works through the overridden ones (test/lsp/
 * layered-index.test.ts fails when ResourceIndex gains a lookup this class does not know).
 */
export class LayeredIndex extends ResourceIndex {
  /** `linted`: the buffer's objects; `context`: an index of context objects; `file`: the buffer's path, left out of `context`. */
  constructor(
    linted: readonly Resource[],
    private readonly context: ResourceIndex,
    private readonly file: string,
  ) {
    super(linted, undefined, context.kubernetesVersion);
    (this as { resources: readonly Resource[] }).resources = [...linted, ...this.keep(context.resources)];
  }

  override ofKind(kind: string): readonly Resource[] {
    return [...super.ofKind(kind), ...this.keep(this.context.ofKind(kind))];
  }

  override inNamespace(kind: string, namespace: string): readonly Resource[] {
    return [...super.inNamespace(kind, namespace), ...this.keep(this.context.inNamespace(kind, namespace))];
  }

  override get(kind: string, namespace: string, name: string): Resource | undefined {
    return super.get(kind, namespace, name) ?? this.keep(this.context.all(kind, namespace, name))[0];
  }

  override all(kind: string, namespace: string, name: string): readonly Resource[] {
    return [...super.all(kind, namespace, name), ...this.keep(this.context.all(kind, namespace, name))];
  }

  override named(kind: string, name: string): readonly Resource[] {
    return [...super.named(kind, name), ...this.keep(this.context.named(kind, name))];
  }

  override firstDeclaration(resource: Resource): Resource | undefined {
    const name: unknown = resource.object.metadata?.name;
    if (typeof name !== 'string' || name === '') return undefined;
    // The same group, kind, namespace and metadata.name (a generateName equal to the name does not count).
    const declares = (other: Resource) => other.group === resource.group && other.object.metadata?.name === name;
    return super.firstDeclaration(resource) ?? this.keep(this.context.all(resource.kind, resource.namespace, name)).find(declares);
  }

  override groupedBy(kind: string, grouping: string, keyOf: (resource: Resource) => string | undefined, value: string): readonly Resource[] {
    return [...super.groupedBy(kind, grouping, keyOf, value), ...this.keep(this.context.groupedBy(kind, grouping, keyOf, value))];
  }

  override podHoldersSelectedBy(namespace: string, selector: LabelSelector): Resource[] {
    return [...super.podHoldersSelectedBy(namespace, selector), ...this.keep(this.context.podHoldersSelectedBy(namespace, selector))];
  }

  override selecting(kind: 'Service' | 'PodDisruptionBudget', namespace: string, labels: Labels | undefined): Resource[] {
    return [...super.selecting(kind, namespace, labels), ...this.keep(this.context.selecting(kind, namespace, labels))];
  }

  override selectingPodsOf(kind: 'Service' | 'PodDisruptionBudget', holder: Resource): Resource[] {
    return [...super.selectingPodsOf(kind, holder), ...this.keep(this.context.selectingPodsOf(kind, holder))];
  }

  override scaledBy(kind: string, namespace: string, name: string): readonly Resource[] {
    return [...super.scaledBy(kind, namespace, name), ...this.keep(this.context.scaledBy(kind, namespace, name))];
  }

  /** The context's objects that are not of the buffer's file. */
  private keep(resources: readonly Resource[]): Resource[] {
    return resources.filter((resource) => resource.source.path !== this.file);
  }
}
