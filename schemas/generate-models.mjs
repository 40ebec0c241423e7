#!/usr/bin/env node
// Generates schemas/<major.minor>/ from the installed `kubernetes-models` package (and its
// `@kubernetes-models/apimachinery`), which is generated from a newer Kubernetes OpenAPI document than
// kubernetes-types. It ships precompiled validators, not JSON Schemas, so the schemas are read from its
// declaration files: one interface per OpenAPI definition, in a regular generated form (string, number, boolean,
// literal unions, Array<T>, index signatures, inline object types, and references to other definitions' aliases).
// Then the fixes of schemas/README.md are applied as for kubernetes-types. Takes a few seconds.
// Needs `npm run build` first: API versions the Kubernetes version no longer serves (kubernetes-models keeps
// them from older OpenAPI documents) are left out with the table of src/api-versions.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { applyIntegers, reportIntegers } from './integers.mjs';
import { applyFixes, relaxStatus } from './fixes.mjs';
import { schemasRoot, writeVersion } from './store.mjs';
import { apiStatus, deprecatedApi } from '../dist/src/k8s/api-versions.js';

const modulesRoot = join(schemasRoot, '..', 'node_modules');
const modelsRoot = join(modulesRoot, 'kubernetes-models');
const machineryRoot = join(modulesRoot, '@kubernetes-models', 'apimachinery');
const modelsVersion = JSON.parse(readFileSync(join(modelsRoot, 'package.json'), 'utf8')).version;

/** kubernetes-models major → the Kubernetes release its OpenAPI document is (its CHANGELOG says so). */
const KUBERNETES_OF_MAJOR = { 5: '1.36' };
const kubernetesVersion = KUBERNETES_OF_MAJOR[modelsVersion.split('.')[0]];
if (!kubernetesVersion) throw new Error(`kubernetes-models ${modelsVersion}: add its Kubernetes version to KUBERNETES_OF_MAJOR`);

/** OpenAPI name prefixes of the groups whose prefix is not io.k8s.api.<first segment of the group>. */
const GROUP_PREFIXES = {
  v1: 'io.k8s.api.core',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
};

/**
 * Unions kubernetes-models prints as empty interfaces (the OpenAPI document has no type for them); written as
 * kubernetes-types has them. Quantity, RawExtension, FieldsV1 and JSON are replaced by the shared fixes.
 */
const CRD = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';
const PROPS = { $ref: `#/definitions/${CRD}.JSONSchemaProps` };
const UNIONS = {
  [`${CRD}.JSONSchemaPropsOrArray`]: { anyOf: [PROPS, { type: 'array', items: PROPS }] },
  [`${CRD}.JSONSchemaPropsOrBool`]: { anyOf: [PROPS, { type: 'boolean' }] },
  [`${CRD}.JSONSchemaPropsOrStringArray`]: { anyOf: [PROPS, { type: 'array', items: { type: 'string' } }] },
};

async function main() {
  const files = [
    ...declarations(modelsRoot).map((file) => ({ file, name: modelName(relative(modelsRoot, file)), isModel: true })),
    ...declarations(machineryRoot).map((file) => ({ file, name: machineryName(relative(machineryRoot, file)) })),
  ];
  const parsed = files.map((entry) => ({ ...entry, ...parse(entry.file) })).filter((entry) => entry.declaration);
  const byAlias = new Map(parsed.map((entry) => [entry.alias, entry.name]));
  const definitions = {};
  for (const entry of parsed) {
    const refOf = (name) => (name === entry.local ? entry.name : byAlias.get(name));
    definitions[entry.name] = convertDeclaration(entry.declaration, refOf, entry.file);
  }
  Object.assign(definitions, structuredClone(UNIONS));
  const skipped = applyFixes(definitions);
  if (skipped.length > 0) console.log(`  fixes with nothing to fix in ${kubernetesVersion}: ${skipped.join(', ')}`);
  reportIntegers(await applyIntegers(definitions));
  relaxStatus(definitions);
  const kinds = kindsOf(parsed.filter((entry) => entry.isModel), definitions);
  writeVersion(kubernetesVersion, `kubernetes-models ${modelsVersion}`, definitions, kinds);
}

function declarations(root) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (entry === 'node_modules' || entry === '_schemas') return [];
      if (statSync(path).isDirectory()) return walk(path);
      return entry.endsWith('.d.ts') && entry !== 'index.d.ts' ? [path] : [];
    });
  return walk(root).sort();
}

/** apps/v1/StatefulSetSpec.d.ts → io.k8s.api.apps.v1.StatefulSetSpec; v1/Pod.d.ts → io.k8s.api.core.v1.Pod */
function modelName(path) {
  const parts = path.replace(/\\/g, '/').replace(/\.d\.ts$/, '').split('/');
  const [group, version, type] = parts.length === 2 ? ['v1', ...parts] : parts;
  const prefix = GROUP_PREFIXES[group] ?? `io.k8s.api.${group.split('.')[0]}`;
  return `${prefix}.${version}.${type}`;
}

/** apis/meta/v1/ObjectMeta.d.ts → io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
function machineryName(path) {
  return `io.k8s.apimachinery.pkg.${path.replace(/\\/g, '/').replace(/\.d\.ts$/, '').split('/').join('.')}`;
}

/** The file's definition: its `I<Name>` interface or type alias, and the long alias other files import it by. */
function parse(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let alias;
  let local;
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      if (element.name.text.startsWith('IIoK8s')) [alias, local] = [element.name.text, element.propertyName?.text];
    }
  }
  const declaration = source.statements.find(
    (statement) => (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === local,
  );
  return { alias, local, declaration };
}

function convertDeclaration(declaration, refOf, file) {
  if (ts.isTypeAliasDeclaration(declaration)) return convert(declaration.type, refOf, file);
  return objectOf(declaration.members, refOf, file);
}

function objectOf(members, refOf, file) {
  const index = members.find(ts.isIndexSignatureDeclaration);
  if (index) return { type: 'object', additionalProperties: convert(index.type, refOf, file) };
  const properties = {};
  const required = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member)) throw new Error(`${file}: unexpected member ${member.getText()}`);
    const name = member.name.text;
    properties[name] = convert(member.type, refOf, file);
    if (!member.questionToken) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

const KEYWORDS = {
  [ts.SyntaxKind.StringKeyword]: 'string',
  [ts.SyntaxKind.NumberKeyword]: 'number',
  [ts.SyntaxKind.BooleanKeyword]: 'boolean',
};

function convert(node, refOf, file) {
  if (KEYWORDS[node.kind]) return { type: KEYWORDS[node.kind] };
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string', const: node.literal.text };
  if (ts.isTypeLiteralNode(node)) return objectOf(node.members, refOf, file);
  if (ts.isUnionTypeNode(node)) return unionOf(node, file);
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: convert(node.typeArguments[0], refOf, file) };
    const target = refOf(name);
    if (target) return { $ref: `#/definitions/${target}` };
  }
  throw new Error(`${file}: cannot convert type ${node.getText()}`);
}

/** "A" | "B" → a string enum; string | number → both types. */
function unionOf(node, file) {
  if (node.types.every((type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal))) {
    return { type: 'string', enum: node.types.map((type) => type.literal.text) };
  }
  if (node.types.every((type) => KEYWORDS[type.kind])) return { type: node.types.map((type) => KEYWORDS[type.kind]).sort() };
  throw new Error(`${file}: cannot convert union ${node.getText()}`);
}

/**
 * apiVersion → kind → definition, leaving out the API versions this Kubernetes version no longer serves: an
 * apiVersion with a removed kind goes whole, as its other kinds (apps/v1beta1 Scale...) come from the same old
 * OpenAPI documents.
 */
function kindsOf(entries, definitions) {
  const kinds = {};
  const left = new Set();
  for (const { name } of entries) {
    const apiVersion = definitions[name]?.properties?.apiVersion?.const;
    const kind = definitions[name]?.properties?.kind?.const;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    if (isRemoved(apiVersion, kind)) left.add(apiVersion);
    kinds[apiVersion] ??= {};
    kinds[apiVersion][kind] = name;
  }
  for (const apiVersion of left) delete kinds[apiVersion];
  console.log(`  left out, not served by ${kubernetesVersion}: kinds of ${[...left].sort().join(', ')}`);
  const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sorted(Object.fromEntries(Object.entries(kinds).map(([apiVersion, group]) => [apiVersion, sorted(group)])));
}

/** Removed per the deprecation table; a `*List` kind goes with its item kind. */
function isRemoved(apiVersion, kind) {
  const entry = deprecatedApi(apiVersion, kind) ?? (kind.endsWith('List') ? deprecatedApi(apiVersion, kind.slice(0, -4)) : undefined);
  return entry !== undefined && apiStatus(entry, kubernetesVersion) === 'removed';
}

await main();
