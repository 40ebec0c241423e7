/**
 * What a check of the api-validation rule found, and what the API server then does: refuse the object, refuse it
 * before validation because it cannot decode it, or (a StatefulSet's pod template before Kubernetes 1.34) accept
 * the object and refuse every pod its controller creates.
 */
import { compareVersions, normalizeVersion } from '../../src/k8s/api-versions.js';
import type { MessageData, ObjectPath, Resource, Severity } from '../../src/types.js';

/** The message ids of the api-validation rule (its README lists what each covers). */
export type ApiValidationMessageId =
  | 'invalidName'
  | 'statefulSetHostname'
  | 'nameTooLongForLabel'
  | 'invalidKey'
  | 'invalidLabelValue'
  | 'annotationsTooLarge'
  | 'selectorValues'
  | 'emptySelector'
  | 'invalidListedName'
  | 'duplicateName'
  | 'invalidPort'
  | 'duplicatePort'
  | 'duplicateHostPort'
  | 'duplicateServicePort'
  | 'invalidEnvName'
  | 'invalidQuantity'
  | 'negativeQuantity'
  | 'requestAboveLimit'
  | 'invalidIntOrPercent'
  | 'percentAbove100'
  | 'zeroNotAllowed'
  | 'mustBeOne'
  | 'required'
  | 'forbidden'
  | 'requestNotLimit'
  | 'invalidDataKey'
  | 'notBase64'
  | 'unnamedPort'
  | 'negative';

export interface Problem {
  path: ObjectPath;
  messageId: ApiValidationMessageId;
  data: MessageData;
  severity?: Severity;
}

/** What one visit of an object knows: the object, the target version, and where problems go. */
export interface Visit {
  resource: Resource;
  /** Target Kubernetes version, MAJOR.MINOR. */
  version: string;
  problems: Problem[];
}

/** Kubernetes validates a StatefulSet's pod template on create from 1.34 (kubernetes/kubernetes#131790). */
const STATEFULSET_TEMPLATE_VALIDATED = '1.34';

/** True when the target version is `minor` or later. */
export function atLeast(version: string, minor: string): boolean {
  return compareVersions(normalizeVersion(version) ?? version, minor) >= 0;
}

/** What the API server does about a validation error at `path` of the visited object (the `outcome` of a message). */
export function outcomeAt(visit: Visit, path: ObjectPath): string {
  const { resource, version } = visit;
  const what = `${resource.kind} '${resource.name}'`;
  // Claim templates become pod volumes; both are validated on create from 1.34 (kubernetes/kubernetes#131790, #132212).
  const inPodSpec = path[0] === 'spec' && ((path[1] === 'template' && path[2] === 'spec') || path[1] === 'volumeClaimTemplates');
  if (resource.kind === 'StatefulSet' && inPodSpec && !atLeast(version, STATEFULSET_TEMPLATE_VALIDATED)) {
    return `Kubernetes ${version} accepts ${what} but refuses every pod it creates (the pod template is validated on create only from ${STATEFULSET_TEMPLATE_VALIDATED})`;
  }
  return `the API server refuses ${what}`;
}

/** Adds a problem whose message ends with the outcome at its path. */
export function report(visit: Visit, path: ObjectPath, messageId: ApiValidationMessageId, data: MessageData, severity?: Severity): void {
  visit.problems.push({ path, messageId, data: { ...data, outcome: outcomeAt(visit, path) }, severity });
}

/** `value` shown in a message: quoted and shortened. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `'${text.length > 70 ? `${text.slice(0, 67)}...` : text}'`;
}
