/**
 * Offline JSON Schema validation of built-in Kubernetes kinds, with the validators compiled at build time
 * (see bundle.ts), and the apiVersions and kinds of built-in API groups that no Kubernetes version serves.
 */
import { DEPRECATED_APIS, deprecatedApi } from '../k8s/api-versions.js';
import type { Resource } from '../types.js';
import { closestName } from '../util/names.js';
import { loadDefinitions, loadModule, loadIndex, type GroupEntry } from './bundle.js';
import { declaresField, violationsOf, type SchemaViolation } from './describe.js';
import { bundledVersion, bundledVersions, newerBundledVersion } from './versions.js';

/** True when stslint has a schema for this kind (built-in kinds; not CRDs or custom resources). */
export function hasSchema(apiVersion: string, kind: string, kubernetesVersion: string): boolean {
  return entryFor(apiVersion, kind, kubernetesVersion) !== undefined;
}

/** Schema violations of an object of a built-in kind; undefined when its kind has no schema. */
export function validateResource(
  resource: Resource,
  options: { strict: boolean; kubernetesVersion: string },
): SchemaViolation[] | undefined {
  const entry = entryFor(resource.apiVersion, resource.kind, options.kubernetesVersion);
  if (!entry) return undefined;
  const validate = loadModule(entry.module)[resource.kind];
  const where = { definitions: () => loadDefinitions(bundledVersion(options.kubernetesVersion)), root: entry.kinds[resource.kind] };
  const violations = violationsOf(validate, resource, options.strict, where);
  // A target between two bundled versions may have fields the newer one adds: not reported as unknown.
  const newer = newerBundledVersion(options.kubernetesVersion);
  const newerEntry = newer === undefined ? undefined : entryFor(resource.apiVersion, resource.kind, newer);
  if (!newer || !newerEntry) return violations;
  const inNewer = { definitions: () => loadDefinitions(newer), root: newerEntry.kinds[resource.kind] };
  return violations.filter(({ messageId, path }) => messageId !== 'unknownField' || !declaresField(inNewer, path.slice(0, -1), String(path.at(-1))));
}

function entryFor(apiVersion: string, kind: string, kubernetesVersion: string): GroupEntry | undefined {
  const groups = loadIndex()[bundledVersion(kubernetesVersion)] ?? {};
  const entry = Object.hasOwn(groups, apiVersion) ? groups[apiVersion] : undefined;
  return entry && Object.hasOwn(entry.kinds, kind) ? entry : undefined;
}

/** A problem with an object's apiVersion or kind: the path of the key, a message id of the `schema` rule and its data. */
export type UnknownApi = Omit<SchemaViolation, 'messageId'> & { messageId: 'unknownKind' | 'unknownGroup' | 'unknownVersion' };

/**
 * Why no Kubernetes version serves the apiVersion and kind of an object of a built-in API group, or undefined when
 * one does, or may. Built-in groups are the core group, the groups of the bundled versions and of the removed API
 * versions (`extensions`), and any group without a dot: a CustomResourceDefinition's group must contain one, so
 * `app/v1` is a typo, not a custom resource. Other groups are custom and left alone. Pairs of the removal table are
 * left to `api-version-removed`; alpha and beta versions to nobody, as versions between the bundled ones may
 * serve alpha and beta kinds that no bundled version knows (and a known kind, known in any bundled version, is not
 * reported, for the same reason).
 */
export function unknownBuiltinApi(resource: Resource, kubernetesVersion: string): UnknownApi | undefined {
  const { apiVersion, kind, group } = resource;
  const known = knownApis();
  if (known.get(apiVersion)?.has(kind) || deprecatedApi(apiVersion, kind)) return undefined;
  const groupKnown = [...known.keys()].some((each) => groupOf(each) === group);
  if (!groupKnown && group.includes('.')) return undefined;
  const served = servedApis(kubernetesVersion);
  const servingKind = [...served.keys()].filter((each) => served.get(each)!.has(kind));
  const suggestion = (candidates: string[], what: string) => {
    const closest = candidates.length === 1 ? candidates[0] : closestName(apiVersion, candidates);
    return closest ? `; did you mean ${what} '${closest}'?` : '';
  };
  if (!groupKnown) {
    const data = { apiVersion, suggestion: suggestion(servingKind.length > 0 ? servingKind : [...served.keys()], 'apiVersion') };
    return { path: ['apiVersion'], messageId: 'unknownGroup', data };
  }
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  if (/^v\d+(?:alpha|beta)\d+$/.test(version)) return undefined;
  if (!known.has(apiVersion)) {
    const inGroup = (each: string) => groupOf(each) === group;
    const versions = [...served.keys()].filter(inGroup);
    const candidates = servingKind.filter(inGroup);
    const data = {
      apiVersion,
      group: group === '' ? 'the core group' : group,
      served: versions.length > 0 ? `is served as ${versions.join(', ')}` : `has no version served by Kubernetes ${kubernetesVersion}`,
      suggestion: suggestion(candidates.length > 0 ? candidates : versions, 'apiVersion'),
    };
    return { path: ['apiVersion'], messageId: 'unknownVersion', data };
  }
  const closest = closestName(kind, [...known.get(apiVersion)!]);
  const elsewhere = servingKind.length > 0 ? `; ${kind} is served in ${servingKind.join(', ')}` : '';
  return { path: ['kind'], messageId: 'unknownKind', data: { apiVersion, kind, suggestion: closest ? `; did you mean '${closest}'?` : elsewhere } };
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

let known: Map<string, Set<string>> | undefined;

/** apiVersion → kinds, over every bundled version. */
function knownApis(): Map<string, Set<string>> {
  if (known) return known;
  known = new Map();
  for (const version of bundledVersions()) {
    for (const [apiVersion, kinds] of servedApis(version)) known.set(apiVersion, new Set([...(known.get(apiVersion) ?? []), ...kinds]));
  }
  for (const { apiVersion, kind } of DEPRECATED_APIS) known.set(apiVersion, new Set([...(known.get(apiVersion) ?? []), kind]));
  return known;
}

/** apiVersion → kinds of the schemas used for a target version. */
function servedApis(kubernetesVersion: string): Map<string, Set<string>> {
  const groups = loadIndex()[bundledVersion(kubernetesVersion)] ?? {};
  return new Map(Object.entries(groups).map(([apiVersion, entry]) => [apiVersion, new Set(Object.keys(entry.kinds))]));
}
