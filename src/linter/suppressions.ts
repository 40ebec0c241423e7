import unusedSuppression from '../../rules/unused-suppression/index.js';
import type { Comment } from '../load/tokens.js';
import type { Finding, MessageData, Resource, SourceFile, Suppression } from '../types.js';
import { isRecord } from '../util/guards.js';
import { closestName } from '../util/names.js';
import { findingAt, ruleFinding } from './findings.js';
import { formatMessage } from './rule.js';
import { append } from '../util/arrays.js';

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

export interface SuppressionOptions {
  /** Honour directives and annotations (`--no-inline-config` turns them off). */
  inlineConfig: boolean;
  /** The ids of the rules of the run: a suppression naming another id is reported as unknown. */
  ruleIds: ReadonlySet<string>;
}

/**
 * Split findings into reported and suppressed ones, by comment directives in the files
 * (`# stslint-disable-next-line id -- reason`, `# stslint-disable id` ... `# stslint-enable id`)
 * and by annotations on the objects (`stslint.io/ignore-<id>: reason`, `stslint.io/ignore: id,id`).
 * Directives of `--context` files apply to the findings reported there, but are never reported themselves.
 * Each rule id a suppression names that is not a rule of the run is reported as unknown (with the closest id);
 * a suppression that matched nothing, as unused, unless every id it names is unknown.
 */
export function applySuppressions(
  findings: readonly Finding[],
  sources: readonly SourceFile[],
  resources: readonly Resource[],
  { inlineConfig, ruleIds }: SuppressionOptions,
): SuppressionOutcome {
  const directivesByFile = new Map<string, Directive[]>();
  const contextFiles = new Set(sources.filter((source) => source.contextOnly).map((source) => source.path));
  if (inlineConfig) {
    for (const source of sources) directivesByFile.set(source.path, parseDirectives(source));
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
    if (!contextFiles.has(file)) append(outcome.unused, unusedDirectives(file, directives, ruleIds));
  }
  if (inlineConfig) append(outcome.unused, unusedAnnotations(resources, usedAnnotations, ruleIds));
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

/** Per directive: its unknown rule ids, and the directive itself when it suppressed nothing (an `enable` never does). */
function unusedDirectives(file: string, directives: readonly Directive[], ruleIds: ReadonlySet<string>): Finding[] {
  const reported: Finding[] = [];
  for (const directive of directives) {
    const range = { line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn };
    const { known, unknown } = splitIds(directive.ruleIds, ruleIds);
    for (const ruleId of unknown) {
      const data = { ruleId, type: directive.type, suggestion: suggest(ruleId, ruleIds) };
      reported.push(ruleFinding(unusedSuppression, 'unknownRuleInDirective', data, { file, range }));
    }
    if (directive.used || directive.type === 'enable' || (known.length === 0 && unknown.length > 0)) continue;
    reported.push(ruleFinding(unusedSuppression, 'unusedDirective', { type: directive.type, rules: describeIds(known) }, { file, range }));
  }
  return reported;
}

/** The ids named, split into rules of the run and unknown ones (each once, in the order named). */
function splitIds(named: readonly string[], ruleIds: ReadonlySet<string>): { known: string[]; unknown: string[] } {
  const unique = [...new Set(named)];
  return { known: unique.filter((id) => ruleIds.has(id)), unknown: unique.filter((id) => !ruleIds.has(id)) };
}

/** "; did you mean 'pdb-missing'?" for a close rule id, else ''. */
function suggest(ruleId: string, ruleIds: ReadonlySet<string>): string {
  const closest = closestName(ruleId, [...ruleIds]);
  return closest ? `; did you mean '${closest}'?` : '';
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

/** Per suppression annotation of the linted objects: its unknown rule ids, and the annotation itself when unused. */
function unusedAnnotations(resources: readonly Resource[], used: Set<string>, ruleIds: ReadonlySet<string>): Finding[] {
  const unused: Finding[] = [];
  for (const resource of resources) {
    if (resource.source.contextOnly) continue;
    const places = [['metadata'], ['spec', 'template', 'metadata'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata']];
    for (const place of places) {
      for (const [key, value] of Object.entries(annotationsAt(resource, place))) {
        if (!key.startsWith(ANNOTATION_PREFIX)) continue;
        const report = (messageId: string, data: MessageData) => {
          const message = formatMessage(unusedSuppression.meta.messages, messageId, data);
          unused.push({ ...findingAt(resource, [...place, 'annotations', key], { ruleId: UNUSED_SUPPRESSION, severity: 'warning', message }), messageId });
        };
        const { known, unknown } = splitIds(annotationIds(key, value), ruleIds);
        for (const ruleId of unknown) report('unknownRuleInAnnotation', { ruleId, key, kind: resource.kind, name: resource.name, suggestion: suggest(ruleId, ruleIds) });
        if (used.has(annotationKey(resource, place, key)) || (known.length === 0 && unknown.length > 0)) continue;
        report('unusedAnnotation', { key, kind: resource.kind, name: resource.name });
      }
    }
  }
  return unused;
}

/** The rule ids an annotation names: `<id>` of `stslint.io/ignore-<id>`, the list of `stslint.io/ignore: id,id -- reason`. */
function annotationIds(key: string, value: unknown): string[] {
  if (key.startsWith(`${ANNOTATION_PREFIX}-`)) return [key.slice(ANNOTATION_PREFIX.length + 1)].filter(Boolean);
  if (key !== ANNOTATION_PREFIX || typeof value !== 'string') return [];
  return value.split(/\s--\s?/, 1)[0].split(/[\s,]+/).filter(Boolean);
}

function describeIds(ids: string[]): string {
  return ids.length === 0 ? 'rule' : ids.map((id) => `'${id}'`).join(' or ');
}
