/**
 * Offline JSON Schema validation of built-in Kubernetes kinds, with the validators compiled at build time
 * (see bundle.ts).
 */
import type { Resource } from '../types.js';
import { loadDefinitions, loadModule, loadIndex, type GroupEntry } from './bundle.js';
import { violationsOf, type SchemaViolation } from './describe.js';
import { bundledVersion } from './versions.js';

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
  return violationsOf(validate, resource, options.strict, where);
}

function entryFor(apiVersion: string, kind: string, kubernetesVersion: string): GroupEntry | undefined {
  const groups = loadIndex()[bundledVersion(kubernetesVersion)] ?? {};
  const entry = Object.hasOwn(groups, apiVersion) ? groups[apiVersion] : undefined;
  return entry && Object.hasOwn(entry.kinds, kind) ? entry : undefined;
}
