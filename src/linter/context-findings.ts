/**
 * Findings on `--context` objects that linted objects cause. In a pre-commit hook (`stslint --context deploy/
 * deploy/sts.yaml`), a change to the linted StatefulSet can break unchanged objects beside it: scaled to 3
 * replicas, it makes the PodDisruptionBudget with `minAvailable: 3` block every eviction. Such a finding is on the
 * context object, and must be reported all the same.
 *
 * The engine runs the rules on context objects too and keeps a finding there when linted objects took part in it:
 * the index returned them to the rule while it checked (ResourceIndex.observe), or the rule was visiting one. Such a
 * candidate is reported only when a run over the context objects alone, with the linted objects left out of the
 * index, does not make it as well (what that run also finds was there before the change), with the linted objects
 * that caused it appended to its message.
 */
import { isAbsolute, relative } from 'node:path';
import type { Finding, Resource } from '../types.js';

/** Causes named in a message before the rest are counted. */
const MAX_CAUSES = 3;

interface Candidate {
  finding: Finding;
  causes: Set<Resource>;
}

/** Candidate findings on context objects, with the linted objects behind each. */
export class ContextFindings {
  private readonly byKey = new Map<string, Candidate>();

  get size(): number {
    return this.byKey.size;
  }

  /** The rules that made a candidate: only they need the run over the context objects alone. */
  ruleIds(): Set<string> {
    return new Set([...this.byKey.values()].map(({ finding }) => finding.ruleId));
  }

  /** Keeps the finding when linted objects caused it (`causes` not empty); the same finding twice is kept once, with both causes. */
  add(finding: Finding, causes: readonly Resource[]): void {
    if (causes.length === 0) return;
    const key = findingKey(finding);
    const known = this.byKey.get(key);
    if (known) for (const cause of causes) known.causes.add(cause);
    else this.byKey.set(key, { finding, causes: new Set(causes) });
  }

  /**
   * The candidates absent from `baseline` (the keys of the findings of the run without linted objects), each with
   * "(caused by StatefulSet 'db' in deploy/sts.yaml)" appended to its message and `causedBy` set. Paths in the
   * message are shown relative to `cwd` when they are inside it.
   */
  confirmed(baseline: ReadonlySet<string>, cwd: string): Finding[] {
    const confirmed: Finding[] = [];
    for (const [key, { finding, causes }] of this.byKey) {
      if (baseline.has(key)) continue;
      const causedBy = [...causes];
      confirmed.push({ ...finding, message: `${finding.message} (caused by ${describeCauses(causedBy, cwd)})`, causedBy });
    }
    return confirmed;
  }
}

/**
 * What makes two findings on a context object the same problem: rule, object, path and message id. The message
 * text is left out, since it may name other objects: a budget "for StatefulSet 'db' with 3 replicas" in one run is
 * "for the pods it selects" in the other, and that is no new problem.
 */
export function findingKey(finding: Finding): string {
  const resource = finding.resource;
  const object = resource ? [resource.source.path, resource.outline.start, ...resource.basePath].join('\u0001') : finding.file;
  return [finding.ruleId, object, finding.path ?? '', finding.messageId ?? ''].join('\u0000');
}

function describeCauses(causes: readonly Resource[], cwd: string): string {
  const named = causes.slice(0, MAX_CAUSES).map((resource) => `${resource.kind} '${resource.name}' in ${shownPath(resource.source.path, cwd)}`);
  const more = causes.length > MAX_CAUSES ? ` and ${causes.length - MAX_CAUSES} more` : '';
  return `${named.join(', ')}${more}`;
}

function shownPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
