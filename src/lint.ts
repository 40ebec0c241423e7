import { rules as registry } from '../rules/index.js';
import { decodeManifest, expandPaths, readManifest, type ReadResult } from './inputs.js';
import { loadSource, type LoadedSource } from './load.js';
import { rangeOf } from './positions.js';
import { ResourceIndex } from './resource-index.js';
import { toResults } from './results.js';
import type { Finding, LintResult, Resource, Rule, RuleContext, Severity, SeveritySetting } from './types.js';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

export interface LintOptions {
  /** Severity (and options) per rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Report unknown fields in schema validation. */
  strict?: boolean;
  kubernetesVersion?: string;
  /** Directory that relative paths and globs are resolved against (default: process.cwd()). */
  cwd?: string;
  /** The rules to run: the built-in registry unless given (tests pass their own). */
  registry?: readonly Rule[];
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
  stats: { files: number; documents: number; resources: number; kinds: Record<string, number> };
  /** True when a rule threw: the exit code must say so (2). */
  internalError: boolean;
}

export const DEFAULT_KUBERNETES_VERSION = '1.30';

/** Lint files, directories and globs from disk (and any already-read sources, such as stdin). */
export async function lintPaths(
  paths: readonly string[],
  options: LintOptions = {},
  extra: readonly RawInput[] = [],
): Promise<LintRun> {
  const files = await expandPaths(paths, options.cwd);
  const loaded: LoadedSource[] = [];
  const readFindings: Finding[] = [];
  const add = (path: string, read: ReadResult, contextOnly = false) => {
    if ('finding' in read) readFindings.push(read.finding);
    else loaded.push(loadSource(path, read.text, contextOnly));
  };
  for (const file of files) add(file, await readManifest(file));
  for (const input of extra) add(input.path, decodeManifest(input.path, input.bytes), input.contextOnly);
  return check(loaded, options, readFindings);
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
  const findings: Finding[] = [];
  for (const source of loaded) {
    if (!source.source.contextOnly) findings.push(...source.findings);
  }
  findings.push(...readFindings);
  applySettings(findings, rules, options);
  let internalError = false;
  for (const rule of rules) {
    const setting = settingOf(rule, options);
    if (setting.severity === 'off' || !rule.check) continue;
    const targets = rule.meta.kinds ? rule.meta.kinds.flatMap((kind) => index.ofKind(kind)) : resources;
    for (const resource of targets) {
      if (resource.source.contextOnly) continue;
      const context = contextFor(rule, resource, index, options, setting, findings);
      try {
        rule.check(resource, context);
      } catch (error) {
        internalError = true;
        findings.push(internalErrorFinding(rule, resource, error));
      }
    }
  }
  const kinds: Record<string, number> = {};
  for (const resource of resources) kinds[resource.kind] = (kinds[resource.kind] ?? 0) + 1;
  const reported = loaded.filter((source) => !source.source.contextOnly).map((source) => source.source.path);
  return {
    results: toResults(findings, [...reported, ...readFindings.map((finding) => finding.file)]),
    stats: {
      files: loaded.length + readFindings.length,
      documents: loaded.reduce((sum, source) => sum + source.documentCount, 0),
      resources: resources.length,
      kinds,
    },
    internalError,
  };
}

/** Findings made while loading (yaml-syntax, duplicate-key, resource-shape) honour the rule settings too. */
function applySettings(findings: Finding[], rules: readonly Rule[], options: LintOptions): void {
  for (let i = findings.length - 1; i >= 0; i--) {
    const rule = rules.find((candidate) => candidate.meta.id === findings[i].ruleId);
    if (!rule) continue;
    const setting = settingOf(rule, options);
    if (setting.severity === 'off') findings.splice(i, 1);
    else findings[i].severity = setting.severity;
  }
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
  if (Array.isArray(setting)) return { severity: setting[0], configured: true, options: setting[1] ?? {} };
  return { severity: setting, configured: true, options: {} };
}

function contextFor(
  rule: Rule,
  visited: Resource,
  index: ResourceIndex,
  options: LintOptions,
  setting: EffectiveSetting,
  findings: Finding[],
): RuleContext {
  return {
    index,
    options: setting.options,
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    strict: options.strict ?? false,
    report({ path, message, resource = visited, severity }) {
      if (resource.source.contextOnly) return;
      const effective: Severity = setting.configured
        ? (setting.severity as Severity)
        : (severity ?? (setting.severity as Severity));
      findings.push({
        ruleId: rule.meta.id,
        severity: effective,
        message,
        file: resource.source.path,
        ...rangeOf(resource, path),
        path: path.join('.'),
        kind: resource.kind,
        namespace: resource.namespace || undefined,
        name: resource.name,
      });
    },
  };
}

function internalErrorFinding(rule: Rule, resource: Resource, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: `Rule '${rule.meta.id}' failed on ${resource.kind} '${resource.name}': ${reason}`,
    file: resource.source.path,
    ...rangeOf(resource, []),
    kind: resource.kind,
    namespace: resource.namespace || undefined,
    name: resource.name,
    fatal: true,
  };
}
