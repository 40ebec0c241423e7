import type { Document, LineCounter } from 'yaml';
import type { ResourceIndex } from './k8s/resource-index.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A path inside a resource, e.g. ['spec', 'template', 'spec', 'containers', 0, 'name']. */
export type ObjectPath = readonly (string | number)[];

/** One parsed YAML (or JSON) source: a file, or stdin under its display name. */
export interface SourceFile {
  /** The path as shown to the user (absolute for files on disk). */
  path: string;
  text: string;
  lineCounter: LineCounter;
  /** True for `--context` files: indexed for cross-resource lookups, never reported. */
  contextOnly?: boolean;
}

/** A Kubernetes object found in a document (or in a `kind: List` document's items). */
export interface Resource {
  source: SourceFile;
  doc: Document.Parsed;
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
  /** The object the finding is on (for annotation suppressions); never serialised. */
  resource?: Resource;
}

export interface RuleMeta {
  /** The rule id: also its folder name under rules/. */
  id: string;
  severity: SeveritySetting;
  /** One line, starting with a verb. */
  description: string;
  /** Kinds the rule visits; absent means every resource. */
  kinds?: readonly string[];
  /** JSON Schema (draft-07) of the rule's options object, for the config file; absent: no options. */
  options?: Record<string, unknown>;
}

export interface Report {
  /** Path inside the resource of the offending key or value. */
  path: ObjectPath;
  message: string;
  /** Report on another resource than the one visited (e.g. the governing Service). */
  resource?: Resource;
  /** Override the rule's severity for this finding (for rules with two levels). */
  severity?: Severity;
}

export interface RuleContext {
  index: ResourceIndex;
  /** Rule options from the configuration, or the rule's defaults. */
  options: Readonly<Record<string, unknown>>;
  /** Target Kubernetes version, e.g. '1.30'. */
  kubernetesVersion: string;
  /** Reject unknown fields in schema validation. */
  strict: boolean;
  /** Report objects whose kind has no schema (instead of skipping them). */
  strictKinds: boolean;
  /** Extra directories of JSON Schemas for custom resources (`--schema-dir`). */
  schemaDirs: readonly string[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Called once per resource of the visited kinds. Absent for findings made while loading (yaml-syntax...). */
  check?(resource: Resource, context: RuleContext): void;
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
