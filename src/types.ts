import type { LineCounter } from 'yaml';
import type { Comment } from './load/tokens.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A path inside a resource, e.g. ['spec', 'template', 'spec', 'containers', 0, 'name']. */
export type ObjectPath = readonly (string | number)[];

/**
 * What positions need of one YAML collection, kept instead of the parsed document so that
 * a huge file does not hold every syntax tree in memory: the collection's own span, its keys
 * (mappings only), and per entry a span and the nested collection, if the entry is one.
 * A scalar or alias document is an outline without entries.
 */
export interface Outline {
  start: number;
  /** Where the node ends when it has no entries (an empty flow collection, a scalar); absent otherwise (never read then). */
  end?: number;
  /** Per entry of a mapping: the key as text (scalar keys only); absent for a list. */
  keys?: (string | undefined)[];
  /** Per entry, flattened [start, end]: the pair span (mapping) or item span (list); -1 when unknown. */
  spans: number[];
  /** Per entry, the nested collection if the entry is one; absent when no entry is. */
  children?: (Outline | undefined)[];
}

export interface DocumentOutline {
  root: Outline | undefined;
  /** Where the document starts: the fallback position. */
  start: number;
  /**
   * True while `root` is not built yet (the fast loader, src/load/fast.ts): positions.ts builds it from `events`
   * (else from the document's own text, from `start` on) the first time a position in it is asked for, and clears
   * this flag.
   */
  lazy?: boolean;
  /** While lazy: js-yaml's events of the document, from which positions.ts builds `root` (src/load/event-outline.ts). */
  events?: PackedEvents;
}

/** js-yaml's events of a source as the fast loader parsed it, packed (src/load/event-outline.ts packEvents). */
export interface PackedEvents {
  tape: Int32Array;
  /** The index of the document's top-level node among the events. */
  at: number;
  /** Added to every offset of the tape: where the text the events were read from starts (language server). */
  shift?: number;
}

/** One parsed YAML (or JSON) source: a file, or stdin under its display name. */
export interface SourceFile {
  /** The path as shown to the user (absolute for files on disk). */
  path: string;
  text: string;
  lineCounter: LineCounter;
  /** True for `--context` files: indexed for cross-object lookups, never reported. */
  contextOnly?: boolean;
  /**
   * True for base sources (`--base`, `--base-files`): what runs now. Their objects are compared with the run's, never
   * visited or looked up as the run's; findings on them (syntax errors, a deleted StatefulSet) carry their own path.
   */
  base?: boolean;
  /** For a base source read at a git revision: the path of the same file in the work tree (absolute). */
  origin?: string;
  /** The source's YAML comments in source order (where suppression directives are read from). */
  comments: Comment[];
}

/** A Kubernetes object found in a document (or in a `kind: List` document's items). */
export interface Resource {
  source: SourceFile;
  /** Positions of the keys of the object's document (see load/positions.ts); `outline.start` is where the document starts. */
  outline: DocumentOutline;
  /** Where the object sits inside its document: [] or ['items', i] for `kind: List`. */
  basePath: ObjectPath;
  apiVersion: string;
  /** API group: '' for the core group ('v1'). */
  group: string;
  kind: string;
  /** 'default' unless set; '' for cluster-scoped kinds. */
  namespace: string;
  /** metadata.name, or metadata.generateName when only that is set. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  object: Record<string, any>;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  /** Dotted path of the offending key inside the object, when there is one. */
  path?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  fatal?: boolean;
  /** The id of the rule message the text was made from (`meta.messages`). */
  messageId?: string;
  /** The object the finding is on (for annotation suppressions); never serialised. */
  resource?: Resource;
  /** The object the rule was visiting when it reported, when that is another one (`plan` attributes findings with it). */
  visited?: Resource;
  /** On a finding on a `--context` object: the linted objects that caused it (see src/linter/context-findings.ts); never serialised. */
  causedBy?: Resource[];
  /** The rule's proposed changes, with their titles; never serialised. */
  suggestions?: { title: string; edits: readonly ObjectEdit[] }[];
}

/**
 * The kinds a rule visits, each with its API group: `apps/StatefulSet`, `policy/PodDisruptionBudget`, and a
 * core-group kind alone (`Service`, `PersistentVolumeClaim`). Objects of another group that share the kind name
 * (a custom `Service`) are not visited.
 */
export type KindRef = string;

/** Placeholder values of a message: `{{name}}` in a message template is replaced by `String(data.name)`. */
export type MessageData = Readonly<Record<string, string | number | boolean>>;

export interface RuleMeta<MessageIds extends string = string> {
  /** The rule id: also its folder name under rules/. */
  id: string;
  /** Default severity. */
  severity: SeveritySetting;
  /**
   * For a rule with two levels (the `severity` of a report): every severity its findings can have when the user
   * sets none, the default first, e.g. ['error', 'warning']. Absent: only `severity`. `stslint rules` and the
   * README table show them as error/warning; a report at a level not listed is an internal error.
   */
  severities?: readonly Severity[];
  /** Its findings are fatal: errors whatever the settings say, never suppressed (yaml-syntax: input not read or parsed). */
  fatal?: boolean;
  /** One line, starting with a verb. */
  description: string;
  /** Kinds the rule visits (see KindRef); absent means every object. */
  kinds?: readonly KindRef[];
  /**
   * Message templates by message id, with `{{name}}` placeholders (ESLint's `meta.messages`). Every id a rule
   * reports with must be here; a template whose placeholder has no value in the report's data is an error.
   */
  messages: Readonly<Record<MessageIds, string>>;
  /** JSON Schema (draft-07) of the rule's options object; absent: the rule takes no options. */
  options?: Readonly<Record<string, unknown>>;
}

/** What a rule hands to `context.report` (ESLint's report descriptor): a message id, its data and where. */
export interface ReportDescriptor<MessageIds extends string = string> {
  /** One of the rule's `meta.messages` ids. */
  messageId: MessageIds;
  /** Values of the message's `{{placeholders}}`. */
  data?: MessageData;
  /** Path inside the object of the offending key or value; [] for the object itself. */
  path: ObjectPath;
  /** Report on another object than the one visited (e.g. the governing Service); default: the visited one. */
  resource?: Resource;
  /** Override the rule's severity for this finding (for rules with two levels). */
  severity?: Severity;
  /** Changes that would resolve the finding, which editors offer as code actions (ESLint's suggestions). */
  suggest?: readonly SuggestionDescriptor[];
}

/**
 * A change a rule proposes: set keys of the reported object to values, or remove them (`value` absent). Editors
 * turn it into text edits at the YAML positions, and offer it only when the changed object still validates.
 */
export interface SuggestionDescriptor {
  /** A message id of the rule: the title of the code action. */
  messageId: string;
  data?: MessageData;
  edits: readonly ObjectEdit[];
}

/** Set the key at `path` (inside the object) to a scalar `value`, creating missing parents; remove it when `value` is absent. */
export interface ObjectEdit {
  path: ObjectPath;
  value?: string | number | boolean;
}

/** Why a finding was suppressed (ESLint's shape): an in-file comment directive or an object annotation. */
export interface Suppression {
  kind: 'directive' | 'annotation';
  justification: string;
}

/** ESLint's LintMessage, with stslint's object coordinates added. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  path?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** Only on suppressedMessages. */
  suppressions?: Suppression[];
}

/** ESLint's LintResult. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}
