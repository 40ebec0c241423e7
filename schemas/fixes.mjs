// The fidelity fixes of schemas/README.md, shared by the generators (generate.mjs for kubernetes-types,
// generate-models.mjs for kubernetes-models). A fix whose type or field a version does not have is skipped.

/**
 * Allowed values of string fields the API server validates against a fixed set (the `+enum` types of
 * k8s.io/api, which kubernetes-types prints as plain `string`). '' is allowed where Go treats it as unset.
 */
export const ENUMS = {
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': ['', 'RollingUpdate', 'OnDelete'],
  'io.k8s.api.apps.v1.DeploymentStrategy.type': ['', 'Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy': ['', 'OrderedReady', 'Parallel'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type': ['', 'RollingUpdate', 'OnDelete'],
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['', 'Retain', 'Delete'],
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['', 'Retain', 'Delete'],
  'io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy': ['', 'Allow', 'Forbid', 'Replace'],
  'io.k8s.api.core.v1.Container.imagePullPolicy': ['', 'Always', 'Never', 'IfNotPresent'],
  'io.k8s.api.core.v1.Container.terminationMessagePolicy': ['', 'File', 'FallbackToLogsOnError'],
  'io.k8s.api.core.v1.ContainerPort.protocol': ['', 'TCP', 'UDP', 'SCTP'],
  'io.k8s.api.core.v1.HTTPGetAction.scheme': ['', 'HTTP', 'HTTPS'],
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec.volumeMode': ['', 'Block', 'Filesystem'],
  'io.k8s.api.core.v1.PodSpec.dnsPolicy': ['', 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  'io.k8s.api.core.v1.PodSpec.restartPolicy': ['', 'Always', 'OnFailure', 'Never'],
  'io.k8s.api.core.v1.ServicePort.protocol': ['', 'TCP', 'UDP', 'SCTP'],
  'io.k8s.api.core.v1.ServiceSpec.externalTrafficPolicy': ['', 'Cluster', 'Local'],
  'io.k8s.api.core.v1.ServiceSpec.internalTrafficPolicy': ['', 'Cluster', 'Local'],
  'io.k8s.api.core.v1.ServiceSpec.sessionAffinity': ['', 'ClientIP', 'None'],
  'io.k8s.api.core.v1.ServiceSpec.type': ['', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'io.k8s.api.core.v1.Toleration.effect': ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'io.k8s.api.core.v1.Toleration.operator': ['', 'Exists', 'Equal'],
  'io.k8s.api.core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'io.k8s.api.core.v1.VolumeMount.mountPropagation': ['', 'None', 'HostToContainer', 'Bidirectional'],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['', 'IfHealthyBudget', 'AlwaysAllow'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
};

/**
 * Fields the types mark required (their Go JSON tag has no omitempty) although the API server accepts them absent,
 * because their zero value is valid.
 */
export const NOT_REQUIRED = {
  // Optional from 1.33 (kubernetes#130233); the statefulset-service-name rule reports it.
  'io.k8s.api.apps.v1.StatefulSetSpec': ['serviceName'],
  // An absent podSelector selects every pod of the namespace; marked optional later (kubernetes#131354).
  'io.k8s.api.networking.v1.NetworkPolicySpec': ['podSelector'],
  // false when absent; only one version must be the storage version.
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion': ['served', 'storage'],
  // An empty header value is valid.
  'io.k8s.api.core.v1.HTTPHeader': ['value'],
  // Priority 0 is valid.
  'io.k8s.api.scheduling.v1.PriorityClass': ['value'],
};

/** The CRD schema extensions that kubernetes-types leaves out of JSONSchemaProps. */
const JSON_SCHEMA_EXTENSIONS = {
  'x-kubernetes-embedded-resource': { type: 'boolean' },
  'x-kubernetes-int-or-string': { type: 'boolean' },
  'x-kubernetes-list-map-keys': { type: 'array', items: { type: 'string' } },
  'x-kubernetes-list-type': { type: 'string' },
  'x-kubernetes-map-type': { type: 'string' },
  'x-kubernetes-preserve-unknown-fields': { type: 'boolean' },
  'x-kubernetes-validations': {
    type: 'array',
    items: { $ref: '#/definitions/io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule' },
  },
};

/**
 * Fields kubernetes-types lost: the description of `resources` contains a '*' followed by '/' ('pods/*' and the
 * like), which ended its doc comment early and dropped it and the fields after it (`scope`).
 */
const RULE_FIELDS = { resources: { type: 'array', items: { type: 'string' } }, scope: { type: 'string' } };
export const MISSING_PROPERTIES = {
  'io.k8s.api.admissionregistration.v1.RuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1alpha1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1beta1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps': JSON_SCHEMA_EXTENSIONS,
};

/** Types whose values are free-form (kubernetes-types prints them as empty interfaces or as `string`). */
export const REPLACED = {
  // Kubernetes accepts `storage: 1` and `cpu: 0.5` as well as "1Gi".
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'] },
  // Any embedded object.
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  // Any JSON value (CRD `default`, `example`, `enum`).
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
};

/** Applies the fixes in place; returns the ones this version has no type or field for. */
export function applyFixes(definitions) {
  const skipped = [];
  for (const [name, replacement] of Object.entries(REPLACED)) {
    if (definitions[name]) definitions[name] = replacement;
    else skipped.push(`REPLACED ${name}`);
  }
  for (const [path, values] of Object.entries(ENUMS)) {
    const property = path.slice(path.lastIndexOf('.') + 1);
    const target = definitions[path.slice(0, path.lastIndexOf('.'))]?.properties?.[property];
    if (!target) {
      skipped.push(`ENUMS ${path}`);
      continue;
    }
    const scalar = target.type === 'array' ? target.items : target;
    if (scalar.type !== 'string') throw new Error(`ENUMS: ${path} is not a string`);
    scalar.enum = values;
  }
  for (const [name, fields] of Object.entries(NOT_REQUIRED)) {
    const definition = definitions[name];
    if (!definition) skipped.push(`NOT_REQUIRED ${name}`);
    if (!definition?.required) continue;
    definition.required = definition.required.filter((field) => !fields.includes(field));
    if (definition.required.length === 0) delete definition.required;
  }
  for (const [name, properties] of Object.entries(MISSING_PROPERTIES)) {
    const definition = definitions[name];
    const missing = Object.keys(properties).filter((property) => definition && !definition.properties[property]);
    if (missing.length === 0) skipped.push(`MISSING_PROPERTIES ${name}`);
    for (const property of missing) definition.properties[property] = structuredClone(properties[property]);
    if (definition) definition.properties = sortKeys(definition.properties);
  }
  return skipped;
}

/**
 * The API server ignores `status` on create and update (it comes from the status subresource), so nothing in
 * it is required. Definitions used only under a `status` lose `required`; a definition used both in and out
 * of status gets a copy without `required`, named `<name>.status`, for its uses under status.
 */
export function relaxStatus(definitions) {
  const kinds = Object.keys(definitions).filter((name) => isKind(definitions[name]));
  const outside = closure(kinds, (name) => refsOf(withoutStatus(definitions[name])));
  const statusStarts = kinds.flatMap((name) => refsOf(definitions[name].properties.status));
  const inside = closure(statusStarts, (name) => refsOf(definitions[name]));
  const changed = requiringSomething(definitions, inside);
  const relaxedName = (name) => (outside.has(name) && changed.has(name) ? `${name}.status` : name);
  const toRelaxed = (schema) => mapRefs(schema, (name) => (inside.has(name) ? relaxedName(name) : name));
  const relaxed = {};
  for (const name of inside) {
    const { required: _required, ...copy } = toRelaxed(definitions[name]);
    relaxed[relaxedName(name)] = copy;
  }
  Object.assign(definitions, relaxed);
  for (const name of kinds) {
    const properties = definitions[name].properties;
    if (properties.status) properties.status = toRelaxed(properties.status);
  }
}

/** The definitions of `names` that require a field, themselves or through their references. */
function requiringSomething(definitions, names) {
  const found = new Set([...names].filter((name) => definitions[name].required));
  let grew = true;
  while (grew) {
    grew = false;
    for (const name of names) {
      if (found.has(name) || !refsOf(definitions[name]).some((ref) => found.has(ref))) continue;
      found.add(name);
      grew = true;
    }
  }
  return found;
}

export const isKind = (schema) => typeof schema?.properties?.kind?.const === 'string';

function closure(start, next) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...next(name));
  }
  return seen;
}

/** A schema's properties without `status` when it is a kind. */
function withoutStatus(schema) {
  if (!isKind(schema)) return schema;
  const { status: _status, ...properties } = schema.properties;
  return { ...schema, properties };
}

export function mapRefs(schema, rename) {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' ? `#/definitions/${rename(refName(value))}` : value,
  );
}

export function refsOf(schema = {}) {
  const refs = [];
  JSON.stringify(schema, (key, value) => {
    if (key === '$ref' && typeof value === 'string') refs.push(refName(value));
    return value;
  });
  return refs;
}

const refName = (ref) => ref.replace('#/definitions/', '');

export function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
