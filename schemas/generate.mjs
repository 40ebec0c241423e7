#!/usr/bin/env node
// Generates schemas/<major.minor>/definitions.json and kinds.json from the installed `kubernetes-types`
// package with ts-json-schema-generator, then applies the fidelity fixes listed in schemas/README.md.
// Run with `npm run generate:schemas` (about a minute: each .d.ts takes ~2 s).
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createGenerator } from 'ts-json-schema-generator';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const typesRoot = dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = JSON.parse(readFileSync(join(typesRoot, 'package.json'), 'utf8')).version;
const kubernetesVersion = typesVersion.split('.').slice(0, 2).join('.');

/** Modules holding shared types only: their own kinds (meta/v1 discovery types) are not manifests. */
const SUPPORT_MODULES = new Set(['meta/v1', 'runtime', 'api/resource']);

/** OpenAPI-style definition name prefixes, so names stay unique across group/versions. */
const PREFIXES = {
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
};
const prefixOf = (module) => PREFIXES[module] ?? `io.k8s.api.${module.replace('/', '.')}`;

/**
 * Allowed values of string fields the API server validates against a fixed set (the `+enum` types of
 * k8s.io/api, which kubernetes-types prints as plain `string`). '' is allowed where Go treats it as unset.
 */
const ENUMS = {
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
const NOT_REQUIRED = {
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
const MISSING_PROPERTIES = {
  'io.k8s.api.admissionregistration.v1.RuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1alpha1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.api.admissionregistration.v1beta1.NamedRuleWithOperations': RULE_FIELDS,
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps': JSON_SCHEMA_EXTENSIONS,
};

/** Types whose values are free-form (kubernetes-types prints them as empty interfaces or as `string`). */
const REPLACED = {
  // Kubernetes accepts `storage: 1` and `cpu: 0.5` as well as "1Gi".
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'] },
  // Any embedded object.
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  // Any JSON value (CRD `default`, `example`, `enum`).
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
};

function main() {
  const modules = listModules();
  const raw = new Map(modules.map((module) => [module.id, generate(module)]));
  const byId = new Map(modules.map((module) => [module.id, module]));
  const definitions = {};
  for (const module of modules) {
    for (const [name, schema] of Object.entries(raw.get(module.id).definitions)) {
      const owner = ownerOf(module, name, byId);
      if (owner !== module.id) {
        assertSameDefinition(module.id, owner, name, schema, raw);
        continue;
      }
      definitions[`${prefixOf(owner)}.${name}`] = renameRefs(schema, module, byId);
    }
  }
  applyFixes(definitions);
  relaxStatus(definitions);
  const kinds = kindsOf(modules, definitions);
  const outDir = join(here, kubernetesVersion);
  mkdirSync(outDir, { recursive: true });
  writeJson(join(outDir, 'definitions.json'), {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated by schemas/generate.mjs from kubernetes-types ${typesVersion}. Do not edit.`,
    definitions: sortKeys(definitions),
  });
  writeJson(join(outDir, 'kinds.json'), kinds);
  const kindCount = Object.values(kinds).reduce((sum, group) => sum + Object.keys(group).length, 0);
  console.log(`schemas/${kubernetesVersion}: ${Object.keys(definitions).length} definitions, ${kindCount} kinds`);
}

/** Every .d.ts of kubernetes-types: id 'apps/v1', its declared names and its imports (name → module id). */
function listModules() {
  const files = walk(typesRoot).filter((file) => file.endsWith('.d.ts') && !file.endsWith('version.d.ts'));
  return files.map((file) => {
    const id = relative(typesRoot, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');
    const text = readFileSync(file, 'utf8');
    const declared = new Set([...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]));
    const imports = new Map();
    for (const match of text.matchAll(/^import \{([^}]+)\} from "([^"]+)";/gm)) {
      const from = join(dirname(id), match[2]).replace(/\\/g, '/');
      for (const name of match[1].split(',').map((part) => part.trim())) imports.set(name, from);
    }
    return { id, file, declared, imports };
  });
}

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function generate(module) {
  const started = Date.now();
  const schema = createGenerator({
    path: module.file,
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
    skipTypeCheck: true,
  }).createSchema('*');
  console.log(`  ${module.id}: ${Object.keys(schema.definitions).length} definitions (${Date.now() - started} ms)`);
  return schema;
}

/** The module declaring `name` as seen from `module`: itself, or the nearest module through its imports. */
function ownerOf(module, name, byId) {
  const seen = new Set();
  const queue = [module.id];
  while (queue.length > 0) {
    const current = byId.get(queue.shift());
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    if (current.declared.has(name)) return current.id;
    const direct = current.imports.get(name);
    if (direct) return direct;
    queue.push(...new Set(current.imports.values()));
  }
  throw new Error(`${module.id}: cannot tell which module declares ${name}`);
}

/** A definition copied into another module's output must be the owner's own (no name clash hid another type). */
function assertSameDefinition(moduleId, owner, name, schema, raw) {
  if (!isDeepStrictEqual(schema, raw.get(owner).definitions[name])) {
    throw new Error(`${moduleId}: ${name} differs from ${owner}'s ${name}; names clash`);
  }
}

function renameRefs(schema, module, byId) {
  return mapRefs(schema, (encoded) => {
    const name = decodeURIComponent(encoded);
    return `${prefixOf(ownerOf(module, name, byId))}.${name}`;
  });
}

function applyFixes(definitions) {
  for (const [name, replacement] of Object.entries(REPLACED)) {
    if (!definitions[name]) throw new Error(`REPLACED: no definition ${name}`);
    definitions[name] = replacement;
  }
  for (const [path, values] of Object.entries(ENUMS)) {
    const property = path.slice(path.lastIndexOf('.') + 1);
    const target = definitions[path.slice(0, path.lastIndexOf('.'))]?.properties?.[property];
    if (!target) throw new Error(`ENUMS: no property ${path}`);
    const scalar = target.type === 'array' ? target.items : target;
    if (scalar.type !== 'string') throw new Error(`ENUMS: ${path} is not a string`);
    scalar.enum = values;
  }
  for (const [name, fields] of Object.entries(NOT_REQUIRED)) {
    const definition = definitions[name];
    if (!fields.every((field) => definition?.required?.includes(field))) throw new Error(`NOT_REQUIRED: ${name}`);
    definition.required = definition.required.filter((field) => !fields.includes(field));
    if (definition.required.length === 0) delete definition.required;
  }
  for (const [name, properties] of Object.entries(MISSING_PROPERTIES)) {
    const definition = definitions[name];
    if (Object.keys(properties).some((property) => definition.properties[property])) throw new Error(`MISSING_PROPERTIES: ${name}`);
    definition.properties = sortKeys({ ...definition.properties, ...structuredClone(properties) });
  }
}

/**
 * The API server ignores `status` on create and update (it comes from the status subresource), so nothing in
 * it is required. Definitions used only under a `status` lose `required`; a definition used both in and out
 * of status gets a copy without `required`, named `<name>.status`, for its uses under status.
 */
function relaxStatus(definitions) {
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

const isKind = (schema) => typeof schema?.properties?.kind?.const === 'string';

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

function mapRefs(schema, rename) {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' ? `#/definitions/${rename(refName(value))}` : value,
  );
}

function refsOf(schema = {}) {
  const refs = [];
  JSON.stringify(schema, (key, value) => {
    if (key === '$ref' && typeof value === 'string') refs.push(refName(value));
    return value;
  });
  return refs;
}

const refName = (ref) => ref.replace('#/definitions/', '');

/** apiVersion → kind → definition, for the interfaces with literal apiVersion and kind. */
function kindsOf(modules, definitions) {
  const kinds = {};
  for (const module of modules) {
    if (SUPPORT_MODULES.has(module.id)) continue;
    for (const name of module.declared) {
      const definitionName = `${prefixOf(module.id)}.${name}`;
      const properties = definitions[definitionName]?.properties;
      const apiVersion = properties?.apiVersion?.const;
      const kind = properties?.kind?.const;
      if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
      kinds[apiVersion] ??= {};
      if (kinds[apiVersion][kind]) throw new Error(`${apiVersion} ${kind} declared twice`);
      kinds[apiVersion][kind] = definitionName;
    }
  }
  return sortKeys(Object.fromEntries(Object.entries(kinds).map(([apiVersion, group]) => [apiVersion, sortKeys(group)])));
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
}

main();
