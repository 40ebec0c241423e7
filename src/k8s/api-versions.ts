/**
 * Built-in API versions that Kubernetes deprecated and then stopped serving, one entry per (apiVersion, kind).
 *
 * Sources:
 * - removedIn, replacements and notes: the Deprecated API Migration Guide,
 *   https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (kubernetes/website
 *   content/en/docs/reference/using-api/deprecation-guide.md), which lists removals from v1.16 to v1.32
 *   (nothing later is listed). `since` is the guide's "available since" for the replacement.
 * - deprecatedIn: the guide gives no deprecation releases, so they come from the `k8s:prerelease-lifecycle-gen`
 *   tags of k8s.io/api (staging/src/k8s.io/api/<group>/<version>/zz_generated.prerelease-lifecycle.go),
 *   which drive the API server's own warning "<apiVersion> <Kind> is deprecated in v1.X+, unavailable in v1.Y+".
 *   Where a kind has no such tag (apps/v1beta1 never had ReplicaSet), only the removal is recorded.
 */

export interface Replacement {
  /** apiVersion to migrate to. */
  apiVersion: string;
  /** First Kubernetes minor version that serves it. */
  since: string;
  /** Fields that changed in this version. */
  notes?: string;
}

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  /** First minor version in which the API server warns that this version is deprecated. */
  deprecatedIn?: string;
  /** First minor version that no longer serves it. */
  removedIn: string;
  /** Where to migrate, best first: the first one served by the target version is recommended. */
  replacements: Replacement[];
  /** What to do when no replacement is served any more (PodSecurityPolicy). */
  noReplacement?: string;
}

const SELECTOR_REQUIRED = 'spec.selector is required and immutable, so copy the template labels into it';
const APPS_V1_NOTES: Record<string, string> = {
  DaemonSet: `${SELECTOR_REQUIRED}; spec.templateGeneration is removed; spec.updateStrategy.type defaults to RollingUpdate`,
  Deployment: `${SELECTOR_REQUIRED}; spec.rollbackTo is removed; progressDeadlineSeconds, revisionHistoryLimit, maxSurge and maxUnavailable get new defaults`,
  ReplicaSet: SELECTOR_REQUIRED,
  StatefulSet: `${SELECTOR_REQUIRED}; spec.updateStrategy.type defaults to RollingUpdate, not OnDelete as in apps/v1beta1`,
};
const INGRESS_V1_NOTES =
  'spec.backend is renamed to spec.defaultBackend; serviceName and servicePort become service.name and service.port.number or service.port.name; pathType is required';
const HPA_V2_NOTES = 'targetAverageUtilization becomes target.averageUtilization with target.type: Utilization';
const FLOWCONTROL_RENAME = 'PriorityLevelConfiguration spec.limited.assuredConcurrencyShares is renamed to nominalConcurrencyShares';
const FLOWCONTROL_V1 = to(
  'flowcontrol.apiserver.k8s.io/v1',
  '1.29',
  `${FLOWCONTROL_RENAME}, which defaults to 30 only when unset and keeps an explicit 0`,
);
const FLOWCONTROL_V1BETA3 = to('flowcontrol.apiserver.k8s.io/v1beta3', '1.26', FLOWCONTROL_RENAME);
const NO_PSP = 'PodSecurityPolicy has no successor: migrate to Pod Security Admission or a third-party admission webhook';

/** A table entry; `deprecatedIn` is undefined when no release deprecated the pair. */
function api(
  apiVersion: string,
  kind: string,
  deprecatedIn: string | undefined,
  removedIn: string,
  ...replacements: Replacement[]
): DeprecatedApi {
  return { apiVersion, kind, deprecatedIn, removedIn, replacements };
}

function to(apiVersion: string, since: string, notes?: string): Replacement {
  return { apiVersion, since, notes };
}

/** Workload kinds removed in 1.16 from extensions/v1beta1, apps/v1beta1 and apps/v1beta2. */
function workload(apiVersion: string, kind: string, deprecatedIn?: string): DeprecatedApi {
  return api(apiVersion, kind, deprecatedIn, '1.16', to('apps/v1', '1.9', APPS_V1_NOTES[kind]));
}

function withoutReplacement(entry: DeprecatedApi): DeprecatedApi {
  return { ...entry, noReplacement: NO_PSP };
}

const WEBHOOK_V1_NOTES =
  'webhooks[*].sideEffects and admissionReviewVersions are required; failurePolicy defaults to Fail, matchPolicy to Equivalent, timeoutSeconds to 10';
const CRD_V1_NOTES =
  'spec.scope is required; spec.version, validation, subresources and additionalPrinterColumns move into spec.versions[*]; each version needs a structural schema.openAPIV3Schema';
const EVENTS_V1_NOTES =
  'type is Normal or Warning; involvedObject is renamed to regarding; action, reason, reportingController and reportingInstance are required';

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  // v1.16
  workload('extensions/v1beta1', 'DaemonSet', '1.8'),
  workload('extensions/v1beta1', 'Deployment', '1.8'),
  workload('extensions/v1beta1', 'ReplicaSet', '1.8'),
  workload('apps/v1beta1', 'Deployment', '1.8'),
  workload('apps/v1beta1', 'ReplicaSet'),
  workload('apps/v1beta1', 'StatefulSet', '1.8'),
  workload('apps/v1beta2', 'DaemonSet', '1.9'),
  workload('apps/v1beta2', 'Deployment', '1.9'),
  workload('apps/v1beta2', 'ReplicaSet', '1.9'),
  workload('apps/v1beta2', 'StatefulSet', '1.9'),
  api('extensions/v1beta1', 'NetworkPolicy', '1.9', '1.16', to('networking.k8s.io/v1', '1.8')),
  withoutReplacement(
    api('extensions/v1beta1', 'PodSecurityPolicy', '1.11', '1.16', to('policy/v1beta1', '1.10', 'PodSecurityPolicy itself is removed in 1.25')),
  ),
  // v1.22
  api('admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', '1.16', '1.22', to('admissionregistration.k8s.io/v1', '1.16', WEBHOOK_V1_NOTES)),
  api('admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', '1.16', '1.22', to('admissionregistration.k8s.io/v1', '1.16', WEBHOOK_V1_NOTES)),
  api('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.16', '1.22', to('apiextensions.k8s.io/v1', '1.16', CRD_V1_NOTES)),
  api('apiregistration.k8s.io/v1beta1', 'APIService', '1.19', '1.22', to('apiregistration.k8s.io/v1', '1.10')),
  api('authentication.k8s.io/v1beta1', 'TokenReview', '1.19', '1.22', to('authentication.k8s.io/v1', '1.6')),
  ...['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'].map((kind) =>
    api('authorization.k8s.io/v1beta1', kind, '1.19', '1.22', to('authorization.k8s.io/v1', '1.6', 'spec.group is renamed to spec.groups')),
  ),
  api('certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.19', '1.22', to('certificates.k8s.io/v1', '1.19', 'spec.signerName and spec.usages are required')),
  api('coordination.k8s.io/v1beta1', 'Lease', '1.19', '1.22', to('coordination.k8s.io/v1', '1.14')),
  api('extensions/v1beta1', 'Ingress', '1.14', '1.22', to('networking.k8s.io/v1', '1.19', INGRESS_V1_NOTES), to('networking.k8s.io/v1beta1', '1.14')),
  api('networking.k8s.io/v1beta1', 'Ingress', '1.19', '1.22', to('networking.k8s.io/v1', '1.19', INGRESS_V1_NOTES)),
  api('networking.k8s.io/v1beta1', 'IngressClass', '1.19', '1.22', to('networking.k8s.io/v1', '1.19')),
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((kind) =>
    api('rbac.authorization.k8s.io/v1beta1', kind, '1.17', '1.22', to('rbac.authorization.k8s.io/v1', '1.8')),
  ),
  api('scheduling.k8s.io/v1beta1', 'PriorityClass', '1.14', '1.22', to('scheduling.k8s.io/v1', '1.14')),
  api('storage.k8s.io/v1beta1', 'CSIDriver', '1.19', '1.22', to('storage.k8s.io/v1', '1.19')),
  api('storage.k8s.io/v1beta1', 'CSINode', '1.17', '1.22', to('storage.k8s.io/v1', '1.17')),
  api('storage.k8s.io/v1beta1', 'StorageClass', '1.19', '1.22', to('storage.k8s.io/v1', '1.6')),
  api('storage.k8s.io/v1beta1', 'VolumeAttachment', '1.19', '1.22', to('storage.k8s.io/v1', '1.13')),
  // v1.25
  api('batch/v1beta1', 'CronJob', '1.21', '1.25', to('batch/v1', '1.21')),
  api('discovery.k8s.io/v1beta1', 'EndpointSlice', '1.21', '1.25',
    to('discovery.k8s.io/v1', '1.21', 'per-endpoint nodeName and zone replace topology, which becomes the read-only deprecatedTopology')),
  api('events.k8s.io/v1beta1', 'Event', '1.22', '1.25', to('events.k8s.io/v1', '1.19', EVENTS_V1_NOTES)),
  api('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22', '1.25', to('autoscaling/v2', '1.23', HPA_V2_NOTES), to('autoscaling/v2beta2', '1.12', HPA_V2_NOTES)),
  api('policy/v1beta1', 'PodDisruptionBudget', '1.21', '1.25',
    to('policy/v1', '1.21', 'an empty spec.selector {} selects every pod of the namespace in policy/v1, none in policy/v1beta1')),
  withoutReplacement(api('policy/v1beta1', 'PodSecurityPolicy', '1.21', '1.25')),
  api('node.k8s.io/v1beta1', 'RuntimeClass', '1.22', '1.25', to('node.k8s.io/v1', '1.20')),
  // v1.26
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) =>
    api('flowcontrol.apiserver.k8s.io/v1beta1', kind, '1.23', '1.26', FLOWCONTROL_V1, FLOWCONTROL_V1BETA3, to('flowcontrol.apiserver.k8s.io/v1beta2', '1.23')),
  ),
  api('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23', '1.26', to('autoscaling/v2', '1.23', HPA_V2_NOTES)),
  // v1.27
  api('storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.24', '1.27', to('storage.k8s.io/v1', '1.24')),
  // v1.29
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) =>
    api('flowcontrol.apiserver.k8s.io/v1beta2', kind, '1.26', '1.29', FLOWCONTROL_V1, FLOWCONTROL_V1BETA3),
  ),
  // v1.32
  ...['FlowSchema', 'PriorityLevelConfiguration'].map((kind) =>
    api('flowcontrol.apiserver.k8s.io/v1beta3', kind, '1.29', '1.32',
      to('flowcontrol.apiserver.k8s.io/v1', '1.29', 'PriorityLevelConfiguration spec.limited.nominalConcurrencyShares defaults to 30 only when unset and keeps an explicit 0')),
  ),
];

const BY_KEY = new Map(DEPRECATED_APIS.map((entry) => [keyOf(entry.apiVersion, entry.kind), entry]));

function keyOf(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** The table entry of an apiVersion and kind, if Kubernetes deprecated that pair. */
export function deprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_KEY.get(keyOf(apiVersion, kind));
}

export type ApiStatus = 'removed' | 'deprecated';

/** 'removed' when the target no longer serves the pair, 'deprecated' when it serves it with a deprecation warning. */
export function apiStatus(entry: DeprecatedApi, target: string): ApiStatus | undefined {
  if (compareVersions(target, entry.removedIn) >= 0) return 'removed';
  if (entry.deprecatedIn && compareVersions(target, entry.deprecatedIn) >= 0) return 'deprecated';
  return undefined;
}

/**
 * The replacement to recommend for a target version: the first one it serves; else (none served yet) the next
 * one to arrive; undefined when every replacement is itself removed by then.
 */
export function replacementFor(entry: DeprecatedApi, target: string): (Replacement & { served: boolean }) | undefined {
  const notRemoved = entry.replacements.filter((candidate) => {
    const successor = deprecatedApi(candidate.apiVersion, entry.kind);
    return !successor || compareVersions(target, successor.removedIn) < 0;
  });
  const served = notRemoved.find((candidate) => compareVersions(candidate.since, target) <= 0);
  if (served) return { ...served, served: true };
  const next = [...notRemoved].sort((a, b) => compareVersions(a.since, b.since))[0];
  return next && { ...next, served: false };
}

/** "use apps/v1: what changed", or what to do instead when nothing replaces the API at the target version. */
export function migrationAdvice(entry: DeprecatedApi, target: string): string {
  const replacement = replacementFor(entry, target);
  if (!replacement) return entry.noReplacement ?? 'no replacement is served';
  const arrival = replacement.served ? '' : ` (served from ${replacement.since})`;
  return `use ${replacement.apiVersion}${arrival}${replacement.notes ? `: ${replacement.notes}` : ''}`;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?$/;

/** 'MAJOR.MINOR' of a version such as '1.30', 'v1.30' or '1.30.2'; undefined when it is not one. */
export function normalizeVersion(text: unknown): string | undefined {
  const match = typeof text === 'string' ? VERSION.exec(text.trim()) : null;
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

/** Numeric comparison by major, then minor: compareVersions('1.9', '1.25') < 0. Both must be versions. */
export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
