import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { rules as registry } from '../rules/index.js';
import { decodeManifest, expandPaths } from './load/files.js';
import { loadSource, type LoadedSource } from './load/source.js';
import { loadFiles } from './load/parse-files.js';
import { findingAt } from './linter/findings.js';
import { ResourceIndex } from './k8s/resource-index.js';
import { schemaSource } from './schema/custom.js';
import { bundledVersions } from './schema/builtin.js';
import { toResults } from './linter/results.js';
import { applySuppressions } from './linter/suppressions.js';
import type { Finding, LintResult, Resource, Rule, RuleContext, Severity, SeveritySetting } from './types.js';

export type SeverityValue = SeveritySetting | 'warn' | 0 | 1 | 2;
export type RuleSetting = SeverityValue | [SeverityValue, Record<string, unknown>?];

export interface LintOptions {
  /** Severity (and options) per rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Report unknown fields in schema validation. */
  strict?: boolean;
  /** Report objects whose kind has no schema (kubeconform without -ignore-missing-schemas). */
  strictKinds?: boolean;
  /** Extra JSON Schema directories for custom resources, absolute or relative to cwd. */
  schemaDirs?: readonly string[];
  kubernetesVersion?: string;
  /** Directory that relative paths and globs are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Files, directories or globs read for cross-resource lookups only: never reported. */
  contextPaths?: readonly string[];
  /** Glob patterns (relative to `base`) of files not to lint. */
  ignore?: { base: string; patterns: readonly string[] };
  /** Honour suppression comments and annotations (default true; `--no-inline-config` turns it off). */
  inlineConfig?: boolean;
  /** Files larger than this many bytes are refused with a finding. */
  maxFileBytes?: number;
  /** The rules to run: the built-in registry unless given (tests pass their own). */
  registry?: readonly Rule[];
  /** Called as files are read and parsed. */
  onProgress?: (done: number, total: number) => void;
}

export interface SourceInput {
  path: string;
  text: string;
  /** Read for cross-resource lookups only: no finding is reported on it. */
  contextOnly?: boolean;
}

/** Bytes read elsewhere (standard input), decoded and checked like a file. */
export interface RawInput {
  path: string;
  bytes: Uint8Array;
  contextOnly?: boolean;
}

export interface LintRun {
  results: LintResult[];
  stats: {
    files: number;
    documents: number;
    resources: number;
    kinds: Record<string, number>;
    /** Files named explicitly on the command line but matched by an ignore pattern. */
    ignored: string[];
    /** Objects not schema-validated because stslint has no schema for their kind, counted by apiVersion/kind. */
    unvalidated: Record<string, number>;
  };
  /** True when a rule threw: the exit code must say so (2). */
  internalError: boolean;
}

/** The newest Kubernetes version whose schemas are bundled. */
export const DEFAULT_KUBERNETES_VERSION = bundledVersions().at(-1)!;

/** Lint files, directories and globs from disk (and any already-read sources, such as stdin). */
export async function lintPaths(
  paths: readonly string[],
  options: LintOptions = {},
  extra: readonly RawInput[] = [],
): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const isIgnored = ignoreMatcher(options.ignore);
  const explicit = new Set(paths.map((path) => resolve(cwd, path)));
  const ignored: string[] = [];
  const files = (await expandPaths(paths, cwd)).filter((file) => {
    if (!isIgnored(file)) return true;
    if (explicit.has(file)) ignored.push(file);
    return false;
  });
  const linted = new Set(files);
  const context = options.contextPaths?.length ? await expandPaths(options.contextPaths, cwd) : [];
  const toLoad = [
    ...files.map((path) => ({ path, contextOnly: false })),
    ...context.filter((path) => !linted.has(path)).map((path) => ({ path, contextOnly: true })),
  ];
  const outcomes = await loadFiles(toLoad, options.maxFileBytes, undefined, options.onProgress);
  for (const input of extra) {
    const read = decodeManifest(input.path, input.bytes, options.maxFileBytes);
    outcomes.push('text' in read ? { loaded: loadSource(input.path, read.text, input.contextOnly) } : { finding: read.finding });
  }
  const contextOnly = [...toLoad.map((file) => file.contextOnly), ...extra.map((input) => input.contextOnly ?? false)];
  const loaded: LoadedSource[] = [];
  const readFindings: Finding[] = [];
  outcomes.forEach((outcome, i) => {
    if ('loaded' in outcome) loaded.push(outcome.loaded);
    else if (!contextOnly[i]) readFindings.push(outcome.finding);
  });
  const run = check(loaded, options, readFindings);
  run.stats.ignored = ignored;
  return run;
}

/** Lint sources already in memory. */
export function lintSources(sources: readonly SourceInput[], options: LintOptions = {}): LintRun {
  return check(
    sources.map((input) => loadSource(input.path, input.text, input.contextOnly)),
    options,
    [],
  );
}

function check(loaded: readonly LoadedSource[], options: LintOptions, readFindings: Finding[]): LintRun {
  const resources = loaded.flatMap((source) => source.resources);
  const index = new ResourceIndex(resources);
  const rules = options.registry ?? registry;
  const settings = new Map(rules.map((rule) => [rule.meta.id, settingOf(rule, options)]));
  const findings: Finding[] = [];
  for (const source of loaded) {
    if (!source.source.contextOnly) findings.push(...source.findings);
  }
  findings.push(...readFindings);
  let internalError = false;
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id)!;
    if (setting.severity === 'off' || !rule.check) continue;
    const targets = rule.meta.kinds ? rule.meta.kinds.flatMap((kind) => index.ofKind(kind)) : resources;
    const context = ruleContext(rule, index, options, setting, findings);
    for (const resource of targets) {
      if (resource.source.contextOnly) continue;
      context.visiting = resource;
      try {
        rule.check(resource, context);
      } catch (error) {
        internalError = true;
        findings.push(internalErrorFinding(rule, resource, error));
      }
    }
  }
  const sources = loaded.map((source) => source.source);
  const outcome = applySuppressions(findings, sources, resources, options.inlineConfig ?? true);
  const reported = applySettings([...outcome.reported, ...outcome.unused], settings);
  const kinds: Record<string, number> = {};
  const unvalidated: Record<string, number> = {};
  const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const schemaDirs = (options.schemaDirs ?? []).map((dir) => resolve(options.cwd ?? process.cwd(), dir));
  for (const resource of resources) {
    if (resource.source.contextOnly) continue;
    kinds[resource.kind] = (kinds[resource.kind] ?? 0) + 1;
    if (!schemaSource(resource, { index, kubernetesVersion: version, schemaDirs })) {
      const key = `${resource.apiVersion}/${resource.kind}`;
      unvalidated[key] = (unvalidated[key] ?? 0) + 1;
    }
  }
  const files = sources.filter((source) => !source.contextOnly).map((source) => source.path);
  return {
    results: toResults(reported, outcome.suppressed, [...files, ...readFindings.map((finding) => finding.file)]),
    stats: {
      files: files.length + readFindings.length,
      documents: loaded.reduce((sum, source) => sum + (source.source.contextOnly ? 0 : source.documentCount), 0),
      resources: resources.length,
      kinds,
      ignored: [],
      unvalidated,
    },
    internalError,
  };
}

function ignoreMatcher(ignore: LintOptions['ignore']): (file: string) => boolean {
  if (!ignore || ignore.patterns.length === 0) return () => false;
  const matches = picomatch([...ignore.patterns], { dot: true });
  return (file) => {
    const path = relative(ignore.base, file).split(sep).join('/');
    return !path.startsWith('../') && matches(path);
  };
}

/**
 * Findings made outside rule checks (loading, suppressions) honour the rule settings too:
 * dropped when the rule is off, given the configured severity.
 */
function applySettings(findings: Finding[], settings: Map<string, EffectiveSetting>): Finding[] {
  return findings.flatMap((finding) => {
    const setting = settings.get(finding.ruleId);
    if (!setting || !setting.configured) return [finding];
    return setting.severity === 'off' ? [] : [{ ...finding, severity: setting.severity }];
  });
}

interface EffectiveSetting {
  severity: SeveritySetting;
  /** True when the user chose the severity: it then wins over a rule's per-finding severity. */
  configured: boolean;
  options: Record<string, unknown>;
}

function settingOf(rule: Rule, options: LintOptions): EffectiveSetting {
  const setting = options.rules?.[rule.meta.id];
  if (setting === undefined) return { severity: rule.meta.severity, configured: false, options: {} };
  const [severity, ruleOptions = {}] = Array.isArray(setting) ? setting : [setting];
  return { severity: normalizeSeverity(severity), configured: true, options: ruleOptions };
}

export function normalizeSeverity(value: SeverityValue): SeveritySetting {
  if (value === 'warn' || value === 'warning' || value === 1) return 'warning';
  if (value === 'error' || value === 2) return 'error';
  return 'off';
}

/** One context per rule, pointed at each resource in turn (`visiting`): reports default to that resource. */
function ruleContext(
  rule: Rule,
  index: ResourceIndex,
  options: LintOptions,
  setting: EffectiveSetting,
  findings: Finding[],
): RuleContext & { visiting?: Resource } {
  const context: RuleContext & { visiting?: Resource } = {
    index,
    options: setting.options,
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    strict: options.strict ?? false,
    strictKinds: options.strictKinds ?? false,
    schemaDirs: (options.schemaDirs ?? []).map((dir) => resolve(options.cwd ?? process.cwd(), dir)),
    report({ path, message, resource = context.visiting!, severity }) {
      if (resource.source.contextOnly) return;
      const effective: Severity = setting.configured
        ? (setting.severity as Severity)
        : (severity ?? (setting.severity as Severity));
      findings.push(findingAt(resource, path, { ruleId: rule.meta.id, severity: effective, message }));
    },
  };
  return context;
}

function internalErrorFinding(rule: Rule, resource: Resource, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `Rule '${rule.meta.id}' failed on ${resource.kind} '${resource.name}': ${reason}`;
  return { ...findingAt(resource, [], { ruleId: 'internal-error', severity: 'error', message }), fatal: true };
}
