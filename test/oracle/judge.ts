import type { FieldError, Oracle } from './client.js';
import type { Obj } from './inputs.js';
import { lintObject, REFUSAL_RULES, type StslintFinding } from './stslint-adapter.js';

/** One create input: an object and where it comes from. */
export interface Case {
  kind: string;
  /** A field class of mutations.ts, or `corpus` / `fixtures` for objects as they were read. */
  fieldClass: string;
  /** The field changed ('' for an object as read). */
  field: string;
  change: string;
  /** The file (and document) the object, or the base of the mutation, comes from. */
  input: string;
  object: Obj;
}

/** The two verdicts on one case. */
export interface Outcome {
  case: Case;
  /** The oracle's refusal causes; empty when the API server accepts the object. */
  refusal: FieldError[];
  /** stslint's error findings of the refusal rules (schema, api-validation). */
  flagged: StslintFinding[];
  /** stslint's other error findings (other rules): not part of the verdict, shown beside disagreements. */
  otherErrors: StslintFinding[];
  agree: boolean;
}

export interface Judged {
  outcomes: Outcome[];
  /** Cases of kinds (or apiVersions) the oracle does not serve. */
  unsupported: Case[];
  /** Cases the oracle could not answer (a panic in Kubernetes code): each fails the test run. */
  failed: { case: Case; error: string }[];
}

/** Runs every case through the oracle (create) and stslint, and pairs the verdicts. */
export async function judge(oracle: Oracle, cases: readonly Case[]): Promise<Judged> {
  const answers = await Promise.all(cases.map((c) => oracle.ask({ op: 'create', object: c.object })));
  const judged: Judged = { outcomes: [], unsupported: [], failed: [] };
  answers.forEach((answer, i) => {
    const c = cases[i];
    if (answer.unsupported) judged.unsupported.push(c);
    else if (answer.errors === null) judged.failed.push({ case: c, error: answer.error ?? 'no verdict' });
    else judged.outcomes.push(outcome(c, answer.errors));
  });
  return judged;
}

function outcome(c: Case, refusal: FieldError[]): Outcome {
  const errors = lintObject(c.object).filter((finding) => finding.severity === 'error');
  const flagged = errors.filter((finding) => REFUSAL_RULES.includes(finding.ruleId));
  const otherErrors = errors.filter((finding) => !REFUSAL_RULES.includes(finding.ruleId));
  return { case: c, refusal, flagged, otherErrors, agree: refusal.length > 0 === flagged.length > 0 };
}
