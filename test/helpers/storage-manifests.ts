/**
 * YAML builders for the storage and autoscaler rule tests: a StatefulSet with claim templates, StorageClasses,
 * claims, volumes, snapshots and autoscalers. Each builder returns one document ending in a newline; join documents
 * with `doc(...)` (which puts `---` between them).
 */

/** Documents joined into one YAML stream. */
export function doc(...documents: string[]): string {
  return documents.join('---\n');
}

export interface StatefulSetOptions {
  name?: string;
  namespace?: string;
  /** The `replicas:` line's value; omitted when undefined. */
  replicas?: string;
  /** Lines added to the pod spec (indented by 6), before `containers:`. */
  podSpec?: string;
  /** Lines added at the end of `spec` (indented by 2). */
  spec?: string;
  /** `volumeClaimTemplates` items (each starting with `  - metadata:`), added at the end. */
  templates?: string[];
}

/**
 * A StatefulSet. Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, then namespace when given, `spec:`, `serviceName`,
 * `replicas` when given, selector (3 lines), template (pod labels, then `spec:`), podSpec lines, containers (3 lines),
 * spec lines, then the claim templates.
 */
export function statefulSet(options: StatefulSetOptions = {}): string {
  const name = options.name ?? 'db';
  const lines = ['apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', `  name: ${name}`];
  if (options.namespace) lines.push(`  namespace: ${options.namespace}`);
  lines.push('spec:', `  serviceName: ${name}`);
  if (options.replicas !== undefined) lines.push(`  replicas: ${options.replicas}`);
  lines.push('  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:', `      labels: {app: ${name}}`, '    spec:');
  if (options.podSpec) lines.push(options.podSpec.trimEnd());
  lines.push('      containers:', '      - name: main', '        image: postgres:16');
  if (options.spec) lines.push(options.spec.trimEnd());
  if (options.templates?.length) lines.push('  volumeClaimTemplates:', ...options.templates.map((template) => template.trimEnd()));
  return `${lines.join('\n')}\n`;
}

/** A claim template item: `  - metadata: {name}` then `    spec:` with `storageClassName` (when given) and a size. */
export function template(name: string, storageClassName?: string, extra = ''): string {
  const lines = ['  - metadata:', `      name: ${name}`, '    spec:'];
  if (storageClassName !== undefined) lines.push(`      storageClassName: ${storageClassName}`);
  lines.push('      accessModes: [ReadWriteOnce]', '      resources: {requests: {storage: 10Gi}}');
  if (extra) lines.push(extra.trimEnd());
  return lines.join('\n');
}

/** A storage.k8s.io/v1 StorageClass; `fields` are top-level lines (`volumeBindingMode: ...`). */
export function storageClass(name: string, fields = '', isDefault = false): string {
  const annotations = isDefault ? '  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\n' : '';
  return `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n${annotations}provisioner: ebs.csi.aws.com\n${fields}`;
}

/** A PersistentVolumeClaim; `spec` lines are indented by 2 and come before `accessModes` and the size. */
export function claim(name: string, spec = '', metadata = ''): string {
  return `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n${metadata}spec:\n${spec}  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n`;
}

/** An autoscaling/v2 HorizontalPodAutoscaler: scaleTargetRef on lines 6-9 (name on line 9), then `spec` lines. */
export function hpa(name: string, target: string, spec = '  maxReplicas: 5\n', kind = 'StatefulSet'): string {
  return `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: ${target}\n${spec}`;
}

/** A keda.sh/v1alpha1 ScaledObject: scaleTargetRef on lines 6-8 (kind on 7, name on 8), then `spec` lines. */
export function scaledObject(name: string, target: string, spec = '', kind = 'StatefulSet', metadata = ''): string {
  return `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: ${name}\n${metadata}spec:\n  scaleTargetRef:\n    kind: ${kind}\n    name: ${target}\n${spec}  triggers:\n  - type: cron\n    metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "3"}\n`;
}
