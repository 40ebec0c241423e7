/**
 * The one place the oracle harness calls stslint, through its library entry point (src/index.ts). Everything else
 * in test/oracle/ sees only these functions, so a change of stslint's library API is a change of this file alone.
 */
import { lintSources, planSources, rules } from '../../src/index.js';

/** The rules whose error findings mean "the API server refuses this object on create". */
export const REFUSAL_RULES: readonly string[] = ['schema', 'api-validation'];

/** Whether stslint has a rule of this id (the update comparison waits for `immutable-field-changed`). */
export function hasRule(id: string): boolean {
  return rules.some((rule) => rule.meta.id === id);
}

/** One stslint finding, reduced to what the comparison reads. */
export interface StslintFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  /** Dotted path inside the object (`spec.template.spec.containers.0.name`), or '' for the whole object. */
  path: string;
  message: string;
}

/**
 * Lints one object (given as the JSON value the oracle is sent) alone, as `stslint --strict` does with the
 * default Kubernetes version: unknown fields are errors, as they are for `kubectl apply` (fieldValidation=Strict).
 */
export function lintObject(object: unknown): StslintFinding[] {
  const run = lintSources([{ path: 'object.json', text: JSON.stringify(object) }], { strict: true });
  return run.results.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId ?? '(fatal)',
      severity: message.severity === 2 ? ('error' as const) : ('warning' as const),
      path: message.path ?? '',
      message: message.message,
    })),
  );
}

/**
 * Whether `immutable-field-changed` refuses `object` as an update of `old` (both given as the JSON values the oracle
 * is sent): `old` is the base (as --base-files reads it), with the default Kubernetes version.
 */
export function refusesUpdate(old: unknown, object: unknown): boolean {
  const registry = rules.filter((rule) => rule.meta.id === 'immutable-field-changed');
  const sources = [
    { path: 'object.json', text: JSON.stringify(object) },
    { path: 'old.json', text: JSON.stringify(old), base: true },
  ];
  return lintSources(sources, { registry }).results.some((result) => result.errorCount > 0);
}

/** What `stslint plan` says the controller creates for one StatefulSet. */
export interface PlannedPod {
  ordinal: number;
  name: string;
  hostname: string;
  labels: Record<string, string>;
  /** The governing Service's name (the pod's subdomain), or null. */
  serviceName: string | null;
  claims: string[];
}

/** The pods `stslint plan` predicts for the first StatefulSet of a manifest (given as its JSON value). */
export function planPods(object: unknown): PlannedPod[] {
  const run = planSources([{ path: 'object.json', text: JSON.stringify(object) }], {
    clusterDomain: 'cluster.local',
    scaleTo: [],
    delete: false,
  });
  const [statefulSet] = run.plan.statefulSets;
  if (!statefulSet) return [];
  return statefulSet.pods.map((pod) => ({
    ordinal: pod.ordinal,
    name: pod.name,
    hostname: pod.hostname,
    labels: pod.labels,
    serviceName: statefulSet.serviceName,
    claims: pod.claims.map((claim) => claim.name),
  }));
}
