/**
 * The syntax rules the Kubernetes API server applies to names, label and annotation keys, label values, port names,
 * environment variable names and quantities, as reasons a value breaks them. Each function returns why the value
 * is invalid, as a phrase to follow the value in a message ("must not contain dots"), or undefined when it is valid.
 *
 * Sources (kubernetes/kubernetes, read at v1.25.0, v1.33.0 and v1.36.3):
 * - staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: IsDNS1123Label, IsDNS1123Subdomain,
 *   IsDNS1035Label, IsValidPortName, IsValidPortNum, IsValidPercent, IsEnvVarName, IsRelaxedEnvVarName;
 * - staging/src/k8s.io/apimachinery/pkg/api/validate/content (IsLabelKey, IsLabelValue; before 1.34 the same
 *   rules as IsQualifiedName and IsValidLabelValue in util/validation);
 * - staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go: annotation keys (lowercased, then qualified
 *   names) and their total size, TotalAnnotationSizeLimitB;
 * - staging/src/k8s.io/apimachinery/pkg/api/validation/path: ValidatePathSegmentName (the only rule for names of
 *   kinds whose registry checks nothing more, such as PodDisruptionBudget);
 * - staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go: the quantity syntax (see quantity.ts).
 */
import { parseQuantity } from './quantity.js';
import { isDnsLabel, isDnsSubdomain } from './statefulsets.js';

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PERCENT = /^[0-9]+%$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const LABEL_CHARACTERS = "must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
const SUBDOMAIN_CHARACTERS = "must consist of lower case alphanumeric characters, '-' or '.', and start and end with an alphanumeric character";
const QUALIFIED_CHARACTERS = "must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character";

/** Why `value` is not a DNS-1123 label (IsDNS1123Label): at most 63 characters, `[a-z0-9]([-a-z0-9]*[a-z0-9])?`. */
export function dnsLabelProblem(value: string): string | undefined {
  if (isDnsLabel(value)) return undefined;
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  return isDnsSubdomain(value) ? 'must not contain dots' : LABEL_CHARACTERS;
}

/** Why `value` is not a DNS-1123 subdomain (IsDNS1123Subdomain): at most 253 characters, dot-separated labels. */
export function dnsSubdomainProblem(value: string): string | undefined {
  if (isDnsSubdomain(value)) return undefined;
  return value.length > 253 ? `must be no more than 253 characters (it has ${value.length})` : SUBDOMAIN_CHARACTERS;
}

/** Why `value` is not a DNS-1035 label (IsDNS1035Label): a DNS-1123 label that starts with a letter. */
export function dns1035LabelProblem(value: string): string | undefined {
  if (value.length <= 63 && DNS_1035_LABEL.test(value)) return undefined;
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  return "must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character";
}

/** Why `value` cannot be a name in a URL path (ValidatePathSegmentName): not `.` or `..`, no `/` or `%`. */
export function pathSegmentProblem(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be '${value}'`;
  return /[/%]/.test(value) ? "may not contain '/' or '%'" : undefined;
}

/**
 * Why `value` is not a qualified name (IsQualifiedName, content.IsLabelKey): an optional DNS-1123 subdomain prefix
 * and a `/`, then a name of at most 63 characters of `[A-Za-z0-9_.-]` starting and ending alphanumeric.
 */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return "must be a name with at most one '/' (an optional DNS subdomain prefix and a name)";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix === '') return "must not have an empty prefix before '/'";
    const problem = dnsSubdomainProblem(prefix);
    if (problem) return `has a prefix '${prefix}' that ${problem.replace(/^must/, 'must be a DNS subdomain:')}`;
  }
  if (name === '') return 'must have a name part, which must be non-empty';
  if (name.length > 63) return `has a name part of ${name.length} characters; it must be no more than 63`;
  return QUALIFIED_NAME.test(name) ? undefined : `has a name part that ${QUALIFIED_CHARACTERS}`;
}

/** Why `value` is not a label value (IsValidLabelValue, content.IsLabelValue): empty, or at most 63 characters like a qualified name's name. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  return QUALIFIED_NAME.test(value) ? undefined : QUALIFIED_CHARACTERS;
}

/**
 * Why `value` is not a port name (IsValidPortName, the IANA_SVC_NAME of RFC 6335): at most 15 characters of
 * `[a-z0-9-]`, at least one letter, no `--`, not starting or ending with `-`.
 */
export function portNameProblem(value: string): string | undefined {
  if (value.length > 15) return `must be no more than 15 characters (it has ${value.length})`;
  if (!/^[-a-z0-9]+$/.test(value)) return 'must contain only lower case letters (a-z), digits (0-9) and hyphens (-)';
  if (!/[a-z]/.test(value)) return 'must contain at least one letter (a-z)';
  if (value.includes('--')) return 'must not contain consecutive hyphens';
  return value.startsWith('-') || value.endsWith('-') ? 'must not begin or end with a hyphen' : undefined;
}

/** Why `value` is not a port number (IsValidPortNum): an integer from 1 to 65535. */
export function portNumberProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : 'must be between 1 and 65535, inclusive';
}

/**
 * Why `value` is not an environment variable name. Before Kubernetes 1.32 (IsEnvVarName):
 * `[-._a-zA-Z][-._a-zA-Z0-9]*`, and not `.`, `..` or starting with `..`. From 1.32, where the
 * RelaxedEnvironmentVariableValidation feature is on by default (beta; GA in 1.34), IsRelaxedEnvVarName: any
 * printable ASCII character but `=`.
 */
export function envVarNameProblem(value: string, relaxed: boolean): string | undefined {
  if (relaxed) {
    return /^[\x20-\x3c\x3e-\x7e]+$/.test(value) ? undefined : "must consist only of printable ASCII characters other than '='";
  }
  if (!ENV_VAR_NAME.test(value)) return "must consist of letters, digits, '_', '-' or '.', and not start with a digit";
  if (value === '.' || value === '..') return `must not be '${value}'`;
  return value.startsWith('..') ? "must not start with '..'" : undefined;
}

/** Why `value` is not a quantity (resource.ParseQuantity): `<sign><number><suffix>`, suffix Ki..Ei, n..E or an exponent. */
export function quantityProblem(value: unknown): string | undefined {
  if (parseQuantity(value) !== undefined) return undefined;
  return "is not a quantity: a number with an optional suffix (Ki, Mi, Gi, Ti, Pi, Ei; n, u, m, k, M, G, T, P, E; or an exponent such as e3), e.g. 512Mi or 0.5";
}

/** The percentage of a percent string (`50%` → 50), or undefined when `value` is not one (IsValidPercent: `[0-9]+%`). */
export function percentOf(value: string): number | undefined {
  return PERCENT.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/** Why `value` is not a ConfigMap or Secret key (IsConfigMapKey): at most 253 characters of `[-._a-zA-Z0-9]`, not `.`, `..` or starting with `..`. */
export function configMapKeyProblem(value: string): string | undefined {
  if (value.length > 253) return `must be no more than 253 characters (it has ${value.length})`;
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) return "must consist of alphanumeric characters, '-', '_' or '.'";
  if (value === '.' || value === '..') return `must not be '${value}'`;
  return value.startsWith('..') ? "must not start with '..'" : undefined;
}

/** True when `value` is standard base64 with padding, as Go's encoding/json decodes a []byte (Secret `data`). */
export function isBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}

/**
 * Why `name` cannot be a container resource name (validateContainerResourceName, pkg/apis/core/helper): a
 * qualified name; without a `/`, one of cpu, memory, ephemeral-storage or hugepages-<size>.
 */
export function containerResourceNameProblem(name: string): string | undefined {
  const problem = qualifiedNameProblem(name);
  if (problem) return problem;
  if (name.includes('/')) return undefined;
  return ['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-')
    ? undefined
    : 'must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a fully qualified name such as example.com/gpu';
}

/** True for resources whose request must equal their limit (IsOvercommitAllowed false): extended resources and huge pages. */
export function isNotOvercommitable(name: string): boolean {
  return name.startsWith('hugepages-') || (name.includes('/') && !name.includes('kubernetes.io/'));
}

const IPV4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0?[0-9]?[0-9])';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);

/**
 * True when `value` reads as an IP address (IsValidIP): IPv4 dotted decimal, or IPv6, checked loosely (hex digits,
 * colons, an optional IPv4 tail) so as never to refuse an address the API server accepts. Leading zeros in IPv4
 * are accepted here; the API server refuses them from 1.33 on new objects (StrictIPCIDRValidation).
 */
export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  return value.includes(':') && /^[0-9a-fA-F:]*(?::[0-9.]+)?$/.test(value) && (value.match(/::/g) ?? []).length <= 1;
}

/**
 * Why `value` cannot be a path below a volume's root (validateLocalDescendingPath, pkg/apis/core/validation: a
 * volume mount's subPath and subPathExpr): it must be relative and have no '..' element ('a/..b' is fine). Empty
 * is valid (no sub-path).
 */
export function descendingPathProblem(value: string): string | undefined {
  if (value.startsWith('/')) return 'must be a relative path';
  return value.split('/').includes('..') ? "must not contain '..'" : undefined;
}
