import unusedSuppression from '../../rules/unused-suppression/index.js';
import type { Comment } from '../load/tokens.js';
import type { Finding, Resource, SourceFile, Suppression } from '../types.js';
import { isRecord } from '../util/guards.js';
import { findingAt, ruleFinding } from './findings.js';
import { formatMessage } from './rule.js';

export const ANNOTATION_PREFIX = 'stslint.io/ignore';
export const UNUSED_SUPPRESSION = 'unused-suppression';

export type SuppressedFinding = Finding & { suppressions: Suppression[] };

export interface SuppressionOutcome {
  reported: Finding[];
  suppressed: SuppressedFinding[];
  /** One warning per directive or annotation that suppressed nothing. */
  unused: Finding[];
}

interface Directive {
  type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  justification: string;
  line: number;
  column: number;
  endColumn: number;
  used: boolean;
}

/** A directive comment: `# stslint-<type> [rule ids] [-- reason]`. */
const DIRECTIVE = /^#\s*stslint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/**
 * Split findings into reported and suppressed ones, by comment directives in the files
 * (`# stslint-disable-next-line id -- reason`, `# stslint-disable id` ... `# stslint-enable id`)
 * and by annotations on the objects (`stslint.io/ignore-<id>: reason`, `stslint.io/ignore: id,id`).
 */
export function applySuppressions(
  findings: readonly Finding[],
  sources: readonly SourceFile[],
  resources: readonly Resource[],
  inlineConfig: boolean,
): SuppressionOutcome {
  const directivesByFile = new Map<string, Directive[]>();
  if (inlineConfig) {
    for (const source of sources) {
      if (!source.contextOnly) directivesByFile.set(source.path, parseDirectives(source));
    }
  }
  const usedAnnotations = new Set<string>();
  const outcome: SuppressionOutcome = { reported: [], suppressed: [], unused: [] };
  for (const finding of findings) {
    const suppressions = finding.fatal
      ? []
      : [
          ...directiveSuppressions(finding, directivesByFile.get(finding.file) ?? []),
          ...(inlineConfig ? annotationSuppressions(finding, usedAnnotations) : []),
        ];
    if (suppressions.length > 0) outcome.suppressed.push({ ...finding, suppressions });
    else outcome.reported.push(finding);
  }
  for (const [file, directives] of directivesByFile) {
    for (const directive of directives) {
      if (directive.used || directive.type === 'enable') continue;
      const range = { line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn };
      const data = { type: directive.type, rules: describeIds(directive.ruleIds) };
      outcome.unused.push(ruleFinding(unusedSuppression, 'unusedDirective', data, { file, range }));
    }
  }
  if (inlineConfig) for (const unused of unusedAnnotations(resources, usedAnnotations)) outcome.unused.push(unused);
  return outcome;
}

/**
 * The suppression directives of a source, read from its YAML comments only (a `# stslint-disable` inside a block
 * scalar is text, not a comment). Lines and columns come from the source's line counter, as every position does.
 */
export function parseDirectives(source: Pick<SourceFile, 'comments' | 'lineCounter'>): Directive[] {
  const directives: Directive[] = [];
  for (const comment of source.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (match) directives.push(toDirective(match[1] as Directive['type'], comment, match[0].length, source));
  }
  return directives;
}

function toDirective(type: Directive['type'], comment: Comment, bodyStart: number, source: Pick<SourceFile, 'lineCounter'>): Directive {
  const [body, justification = ''] = comment.text.slice(bodyStart).split(/\s--\s?/, 2);
  const { line, col } = source.lineCounter.linePos(comment.offset);
  return {
    type,
    ruleIds: body.split(/[\s,]+/).filter(Boolean),
    justification: justification.trim(),
    line,
    column: col,
    endColumn: col + comment.text.trimEnd().length,
    used: false,
  };
}

function directiveSuppressions(finding: Finding, directives: Directive[]): Suppression[] {
  const applies = (directive: Directive) =>
    directive.ruleIds.length === 0 || directive.ruleIds.includes(finding.ruleId);
  const found: Suppression[] = [];
  let range: Directive | undefined;
  for (const directive of directives) {
    if (!applies(directive)) continue;
    if (directive.type === 'disable-next-line' && directive.line + 1 === finding.line) use(directive, found);
    if (directive.type === 'disable-line' && directive.line === finding.line) use(directive, found);
    if (before(directive, finding)) {
      if (directive.type === 'disable') range = directive;
      if (directive.type === 'enable') range = undefined;
    }
  }
  if (range) use(range, found);
  return found;
}

function use(directive: Directive, found: Suppression[]): void {
  directive.used = true;
  found.push({ kind: 'directive', justification: directive.justification });
}

function before(directive: Directive, finding: Finding): boolean {
  return directive.line < finding.line || (directive.line === finding.line && directive.column <= finding.column);
}

/** Annotations on the object, and on its pod template for findings inside the template. */
function annotationSuppressions(finding: Finding, used: Set<string>): Suppression[] {
  const resource = finding.resource;
  if (!resource) return [];
  const places: (readonly string[])[] = [['metadata']];
  const template = templatePath(finding.path ?? '');
  if (template) places.push([...template, 'metadata']);
  const found: Suppression[] = [];
  for (const place of places) {
    const annotations = annotationsAt(resource, place);
    for (const [key, value] of Object.entries(annotations)) {
      const justification = matchAnnotation(key, value, finding.ruleId);
      if (justification === undefined) continue;
      used.add(annotationKey(resource, place, key));
      found.push({ kind: 'annotation', justification });
    }
  }
  return found;
}

/** The justification when the annotation suppresses the rule, else undefined. */
function matchAnnotation(key: string, value: unknown, ruleId: string): string | undefined {
  const text = typeof value === 'string' ? value : '';
  if (key === `${ANNOTATION_PREFIX}-${ruleId}`) return text;
  if (key !== ANNOTATION_PREFIX) return undefined;
  const [ids, justification = ''] = text.split(/\s--\s?/, 2);
  return ids.split(/[\s,]+/).includes(ruleId) ? justification.trim() : undefined;
}

function templatePath(path: string): string[] | undefined {
  if (path.startsWith('spec.template.')) return ['spec', 'template'];
  if (path.startsWith('spec.jobTemplate.spec.template.')) return ['spec', 'jobTemplate', 'spec', 'template'];
  return undefined;
}

function annotationsAt(resource: Resource, place: readonly string[]): Record<string, unknown> {
  let node: unknown = resource.object;
  for (const segment of [...place, 'annotations']) node = isRecord(node) ? node[segment] : undefined;
  return isRecord(node) ? node : {};
}

function annotationKey(resource: Resource, place: readonly string[], key: string): string {
  return [resource.source.path, resource.outline.start, ...resource.basePath, ...place, key].join('\u0000');
}

function unusedAnnotations(resources: readonly Resource[], used: Set<string>): Finding[] {
  const unused: Finding[] = [];
  for (const resource of resources) {
    if (resource.source.contextOnly) continue;
    const places = [['metadata'], ['spec', 'template', 'metadata'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata']];
    for (const place of places) {
      for (const key of Object.keys(annotationsAt(resource, place))) {
        if (!key.startsWith(ANNOTATION_PREFIX) || used.has(annotationKey(resource, place, key))) continue;
        const path = [...place, 'annotations', key];
        const message = formatMessage(unusedSuppression.meta.messages, 'unusedAnnotation', { key, kind: resource.kind, name: resource.name });
        unused.push({ ...findingAt(resource, path, { ruleId: UNUSED_SUPPRESSION, severity: 'warning', message }), messageId: 'unusedAnnotation' });
      }
    }
  }
  return unused;
}

function describeIds(ids: string[]): string {
  return ids.length === 0 ? 'rule' : ids.map((id) => `'${id}'`).join(' or ');
}
