/**
 * Object metadata as the API server validates it (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
 * pkg/apis/meta/v1/validation): the name by kind, the namespace, label keys and values, annotation keys and their
 * total size; and label selectors.
 */
import { dns1035LabelProblem, dnsLabelProblem, dnsSubdomainProblem, labelValueProblem, pathSegmentProblem, qualifiedNameProblem } from '../../src/k8s/validation.js';
import { isRecord } from '../../src/util/guards.js';
import type { ObjectPath } from '../../src/types.js';
import { atLeast, report, shown, type Visit } from './problems.js';

/** TotalAnnotationSizeLimitB: keys and values of one object's annotations together, in bytes. */
const ANNOTATIONS_LIMIT = 256 * 1024;

interface NameRule {
  problem: (name: string) => string | undefined;
  /** What the rule is called in messages. */
  rule: string;
}

const SUBDOMAIN: NameRule = { problem: dnsSubdomainProblem, rule: 'a DNS-1123 subdomain' };
const LABEL: NameRule = { problem: dnsLabelProblem, rule: 'a DNS-1123 label' };

/**
 * The rule for names of a kind at a target version (the name functions each registry strategy passes to
 * ValidateObjectMeta): Service names are DNS-1035 labels, DNS-1123 labels from 1.36 (RelaxedServiceNameValidation,
 * beta and on by default); Namespace names DNS-1123 labels; PodDisruptionBudget names are only checked as path
 * segments; StatefulSet names are checked by statefulSetName below; other kinds' names are DNS-1123 subdomains.
 */
function nameRule(kind: string, version: string): NameRule | undefined {
  if (kind === 'Service') return atLeast(version, '1.36') ? LABEL : { problem: dns1035LabelProblem, rule: 'a DNS-1035 label' };
  if (kind === 'Namespace') return LABEL;
  if (kind === 'PodDisruptionBudget') return { problem: pathSegmentProblem, rule: 'a path segment' };
  if (kind === 'StatefulSet') return undefined;
  return SUBDOMAIN;
}

export function checkMetadata(visit: Visit): void {
  const metadata = visit.resource.object.metadata;
  if (!isRecord(metadata)) return;
  if (typeof metadata.name === 'string') checkName(visit, metadata.name);
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') {
    const problem = dnsLabelProblem(metadata.namespace);
    if (problem) report(visit, ['metadata', 'namespace'], 'invalidName', { what: 'namespace', value: shown(metadata.namespace), reason: problem, rule: 'a DNS-1123 label' });
  }
  checkLabelsAndAnnotations(visit, metadata, ['metadata']);
}

/** Labels and annotations of `metadata` at `path` (an object's, or a pod template's). */
export function checkLabelsAndAnnotations(visit: Visit, metadata: Record<string, unknown>, path: ObjectPath): void {
  if (isRecord(metadata.labels)) checkLabels(visit, metadata.labels, [...path, 'labels']);
  if (!isRecord(metadata.annotations)) return;
  let size = 0;
  for (const [key, value] of Object.entries(metadata.annotations)) {
    size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    // Annotation keys are qualified names, case aside.
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem) report(visit, [...path, 'annotations', key], 'invalidKey', { what: 'annotation key', value: shown(key), reason: problem });
  }
  if (size > ANNOTATIONS_LIMIT) report(visit, [...path, 'annotations'], 'annotationsTooLarge', { size, limit: ANNOTATIONS_LIMIT });
}

/** A map of labels (metadata.labels, matchLabels, a Service selector): keys are qualified names, values label values. */
export function checkLabels(visit: Visit, labels: Record<string, unknown>, path: ObjectPath): void {
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) report(visit, [...path, key], 'invalidKey', { what: 'label key', value: shown(key), reason: keyProblem });
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) report(visit, [...path, key], 'invalidLabelValue', { value: shown(value), key: shown(key), reason: valueProblem });
  }
}

/**
 * A label selector (ValidateLabelSelector): its matchLabels, and each requirement's key, its values (label values),
 * and values listed for In and NotIn and only for them. `requireSome` for the workloads whose selector must not be
 * empty.
 */
export function checkSelector(visit: Visit, selector: unknown, path: ObjectPath, requireSome: boolean): void {
  if (!isRecord(selector)) return;
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  checkLabels(visit, matchLabels, [...path, 'matchLabels']);
  expressions.forEach((requirement, i) => {
    if (!isRecord(requirement)) return;
    const at = [...path, 'matchExpressions', i];
    const values = Array.isArray(requirement.values) ? requirement.values : [];
    if (typeof requirement.key === 'string') {
      const problem = qualifiedNameProblem(requirement.key);
      if (problem) report(visit, [...at, 'key'], 'invalidKey', { what: 'selector key', value: shown(requirement.key), reason: problem });
    }
    const listing = requirement.operator === 'In' || requirement.operator === 'NotIn';
    const none = requirement.operator === 'Exists' || requirement.operator === 'DoesNotExist';
    if (listing && values.length === 0) {
      report(visit, requirement.values === undefined ? at : [...at, 'values'], 'selectorValues', { operator: String(requirement.operator), rule: 'must list at least one value' });
    }
    if (none && values.length > 0) report(visit, [...at, 'values'], 'selectorValues', { operator: String(requirement.operator), rule: 'must not list values' });
    values.forEach((value, j) => {
      const problem = typeof value === 'string' ? labelValueProblem(value) : undefined;
      if (problem) report(visit, [...at, 'values', j], 'invalidLabelValue', { value: shown(value), key: shown(requirement.key), reason: problem });
    });
  });
  if (requireSome && Object.keys(matchLabels).length + expressions.length === 0) {
    report(visit, path, 'emptySelector', { kind: visit.resource.kind });
  }
}

function checkName(visit: Visit, name: string): void {
  const { kind } = visit.resource;
  if (kind === 'StatefulSet') return statefulSetName(visit, name);
  const rule = nameRule(kind, visit.version);
  const problem = rule?.problem(name);
  if (rule && problem) return report(visit, ['metadata', 'name'], 'invalidName', { what: `${kind} name`, value: shown(name), reason: problem, rule: rule.rule });
  // The Job controller labels its pods with the Job's name (job-name, batch.kubernetes.io/job-name), and the
  // CronJob controller names its Jobs <name>-<11 characters at most>.
  const limit = kind === 'Job' ? 63 : kind === 'CronJob' ? 52 : undefined;
  if (limit !== undefined && name.length > limit) {
    report(visit, ['metadata', 'name'], 'nameTooLongForLabel', { kind, value: shown(name), length: name.length, limit });
  }
}

/**
 * A StatefulSet's name becomes the hostname prefix of its pods (<name>-<ordinal>), which must be a DNS label. From
 * 1.27 the API server requires the name itself to be a DNS-1123 label (apps validation ValidateStatefulSetName); on
 * 1.25 and 1.26 it accepts any DNS-1123 subdomain, so a name with a dot passes and every pod is refused. Names too
 * long for their pods' labels are the statefulset-name-too-long rule's.
 */
function statefulSetName(visit: Visit, name: string): void {
  const labelProblem = dnsLabelProblem(name);
  if (!labelProblem) return;
  const path = ['metadata', 'name'];
  if (atLeast(visit.version, '1.27')) {
    return report(visit, path, 'invalidName', { what: 'StatefulSet name', value: shown(name), reason: labelProblem, rule: 'a DNS-1123 label' });
  }
  const subdomainProblem = dnsSubdomainProblem(name);
  if (subdomainProblem) {
    return report(visit, path, 'invalidName', { what: 'StatefulSet name', value: shown(name), reason: subdomainProblem, rule: 'a DNS-1123 subdomain' });
  }
  const data = { value: shown(name), reason: labelProblem, version: visit.version, hostname: shown(`${name}-0`) };
  visit.problems.push({ path, messageId: 'statefulSetHostname', data });
}
