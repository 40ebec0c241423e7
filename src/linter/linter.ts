import { rules as registry } from '../../rules/index.js';
import type { BaseOptions } from '../base/load.js';
import { ResourceIndex } from '../k8s/resource-index.js';
import type { LoadedSource } from '../load/source.js';
import { schemaSource } from '../schema/custom.js';
import { DEFAULT_KUBERNETES_VERSION } from '../schema/versions.js';
import type { Finding, LintResult, Resource, Severity, SeveritySetting } from '../types.js';
import type { AnyRule, RuleContext } from './rule.js';
import { findingAt } from './findings.js';
import { validateRuleOptions } from './rule-options.js';
import { formatMessage, kindOf, visits } from './rule.js';
import { toResults } from './results.js';
import { ContextFindings, findingKey } from './context-findings.js';
import { applySuppressions, UNUSED_SUPPRESSION } from './suppressions.js';
import { append } from '../util/arrays.js';

export type SeverityValue = SeveritySetting | 'warn' | 0 | 1 | 2;
/** A rule's setting as ESLint writes it: a severity, or [severity, options]. */
export type RuleSetting = SeverityValue | readonly [SeverityValue, Record<string, unknown>?];

/** What the engine needs besides the loaded sources; every path is absolute (the options resolver makes them so). */
export interface EngineOptions {
  /** Severity (and options) per rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The rules to run: the built-in registry unless given (tests pass their own). */
  registry?: readonly AnyRule[];
  /** Target Kubernetes version, MAJOR.MINOR (default: the newest bundled). */
  kubernetesVersion?: string;
  /** Report unknown fields in schema validation (default true, as kubectl apply since 1.27). */
  strict?: boolean;
  /** Report objects whose kind has no schema. */
  strictKinds?: boolean;
  /** Extra JSON Schema directories for custom resources, absolute. */
  schemaDirs?: readonly string[];
  /** Honour suppression comments and annotations (default true). */
  inlineConfig?: boolean;
  /** The base to compare with (read by lintFiles); set, the run has a base even when it holds no object. */
  base?: BaseOptions;
  /**
   * Check `--context` objects too and report what the linted objects break there (default true). Editors turn it
   * off: they show the findings of the open buffer only, and a keystroke must not check the whole workspace.
   */
  contextFindings?: boolean;
  /** Directory that relative paths and globs are resolved against, and file paths in messages shown against (default: process.cwd()). */
  cwd?: string;
}

/** The outcome of one run: ESLint's results, and the same findings with the objects they are about. */
export interface LintRun {
  results: LintResult[];
  /** The reported findings (after suppressions and settings), each with its object: for `plan` and editors. */
  findings: Finding[];
  /** Every object of the run (linted and `--context`), indexed. */
  index: ResourceIndex;
  stats: {
    files: number;
    documents: number;
    resources: number;
    kinds: Record<string, number>;
    /** Files named explicitly on the command line but matched by an ignore pattern. */
    ignored: string[];
    /** Objects not schema-validated because stslint has no schema for their kind, counted by apiVersion/kind. */
    unvalidated: Record<string, number>;
    /** Documents skipped as not Kubernetes objects (src/load/not-objects.ts), per file and reason. */
    notObjects: { file: string; reason: string; documents: number }[];
    /** Symbolic links to directories outside the walked directories, not followed (src/load/files.ts). */
    linksNotFollowed: string[];
  };
  /** True when a rule threw: the exit code must say so (2). */
  internalError: boolean;
}

/**
 * Check loaded sources: index every object, run each enabled rule on the objects of its kinds, apply suppressions
 * and settings, and group the findings into results. Objects of `--context` sources are looked up; they are checked
 * too, and a finding on one is reported only when linted objects cause it (see context-findings.ts). Objects of
 * base sources (`--base`, `--base-files`) are indexed apart (ResourceIndex.base) and never visited.
 * `readFindings` are findings on files that could not be read. A rule that throws becomes an `internal-error`
 * finding on the object it was visiting, and the run goes on. Throws UsageError for rule options that do not
 * match the rule's schema.
 */
export function lintLoaded(all: readonly LoadedSource[], options: EngineOptions, readFindings: readonly Finding[] = []): LintRun {
  const base = all.filter((source) => source.source.base);
  const loaded = all.filter((source) => !source.source.base);
  const resources = loaded.flatMap((source) => source.resources);
  const baseObjects = options.base !== undefined || base.length > 0 ? base.flatMap((source) => source.resources) : undefined;
  return check(loaded, new ResourceIndex(resources, baseObjects, options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION), options, { readFindings, base, suppressionSources: loaded });
}

/**
 * Check `linted` (sources that are not context) against an index built by the caller, which holds their objects
 * first and the context's objects after them, as lintLoaded's index would; the run has no base. Context objects
 * are looked up, never checked (`contextFindings` is off), so the findings and results are those of
 * `lintLoaded([...linted, ...context], { ...options, contextFindings: false })`. For the language server, which
 * keeps the context's part of the index between keystrokes (src/lsp/layered-index.ts). Throws UsageError as
 * lintLoaded does.
 */
export function lintIndexed(linted: readonly LoadedSource[], index: ResourceIndex, options: EngineOptions): LintRun {
  // Without context findings, no finding is on a context file: their suppression directives have nothing to do.
  return check(linted, index, { ...options, contextFindings: false }, { readFindings: [], base: [], suppressionSources: linted });
}

interface CheckInputs {
  readFindings: readonly Finding[];
  base: readonly LoadedSource[];
  /** The sources whose directives apply. */
  suppressionSources: readonly LoadedSource[];
}

/**
 * lintLoaded once the index is built: `loaded` are the sources whose findings of loading are reported and whose
 * objects the rules visit (lintLoaded: linted and context; lintIndexed: the linted ones), in the index's order.
 */
function check(loaded: readonly LoadedSource[], index: ResourceIndex, options: EngineOptions, inputs: CheckInputs): LintRun {
  const { readFindings, base } = inputs;
  const rules = options.registry ?? registry;
  const settings = new Map(rules.map((rule) => [rule.meta.id, settingOf(rule, options)]));
  const findings: Finding[] = loaded.flatMap((source) => (source.source.contextOnly ? [] : source.findings));
  append(findings, readFindings);
  append(findings, baseFindings(base));
  const withContext = options.contextFindings !== false && index.linted.length < index.resources.length;
  const onContext = new ContextFindings();
  const sink: Sink = { findings, onContext: (finding, causes) => onContext.add(finding, causes) };
  const enabled = rules.filter((rule) => rule.check && settings.get(rule.meta.id)!.severity !== 'off');
  let internalError = false;
  for (const rule of enabled) {
    const context = ruleContext(rule, index, options, settings.get(rule.meta.id)!, sink);
    internalError = checkEach(rule, targetsOf(rule, index, withContext), context, withContext) || internalError;
  }
  if (onContext.size > 0) {
    const causing = onContext.ruleIds();
    const baseline = contextBaseline(enabled.filter((rule) => causing.has(rule.meta.id)), index, options, settings);
    append(findings, onContext.confirmed(baseline, options.cwd ?? process.cwd()));
  }
  const outcome = applySuppressions(
    findings,
    inputs.suppressionSources.map((source) => source.source),
    inputs.suppressionSources.flatMap((source) => source.resources),
    {
      inlineConfig: options.inlineConfig ?? true,
      // A directive may name any rule stslint has, also one this run leaves out (tests and `plan` run a few).
      ruleIds: new Set([...registry, ...rules].map((rule) => rule.meta.id)),
    },
  );
  // Whether a suppression is used can only be told when every rule ran: only runs with unused-suppression report it.
  const unused = settings.has(UNUSED_SUPPRESSION) ? outcome.unused : [];
  const reported = applySettings([...outcome.reported, ...unused], settings);
  const files = loaded.filter((source) => !source.source.contextOnly).map((source) => source.source.path);
  return {
    results: toResults(reported, outcome.suppressed, [...files, ...readFindings.map((finding) => finding.file)]),
    findings: reported,
    index,
    stats: {
      files: files.length + readFindings.length,
      documents: loaded.reduce((sum, source) => sum + (source.source.contextOnly ? 0 : source.documentCount), 0),
      resources: index.resources.length,
      ...countKinds(index, options),
      ignored: [],
      notObjects: loaded.flatMap(({ source, skipped }) => (source.contextOnly ? [] : countReasons(source.path, skipped))),
      linksNotFollowed: [],
    },
    internalError,
  };
}

function countReasons(file: string, skipped: LoadedSource['skipped']): LintRun['stats']['notObjects'] {
  const counts = new Map<string, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, documents]) => ({ file, reason, documents }));
}

/**
 * What reading the base found (syntax errors, objects without a name), at the base file's own positions. They are
 * warnings: the base is what runs now, and a broken base only means fewer objects to compare with.
 */
function baseFindings(base: readonly LoadedSource[]): Finding[] {
  return base.flatMap((source) => source.findings.map((finding) => ({ ...finding, severity: 'warning' as const })));
}

/** Where a rule context puts what rules report. */
interface Sink {
  /** Findings on linted objects (and internal errors). */
  findings: Finding[];
  /** A finding on a `--context` object, with the linted objects that took part in it (none in the baseline run). */
  onContext(finding: Finding, causes: readonly Resource[]): void;
}

/** A rule context as the engine drives it: the object visited, the linted objects observed in this check, where findings go. */
type CheckingContext = RuleContext & { visiting?: Resource; observed: Set<Resource>; findings: Finding[] };

/**
 * Runs the rule on each target; a throw becomes an internal-error finding and the next target is checked. With
 * `observe`, the linted objects the index returns during each check are recorded in `context.observed`. Returns
 * whether the rule threw.
 */
function checkEach(rule: AnyRule, targets: readonly Resource[], context: CheckingContext, observe: boolean): boolean {
  let threw = false;
  const record = (resource: Resource) => context.observed.add(resource);
  for (const resource of targets) {
    context.visiting = resource;
    // Without observing, nothing is recorded: the context's empty set stays (no set per object and rule).
    if (observe) context.observed = new Set();
    try {
      if (observe) context.index.observe(record, () => rule.check!(resource, context));
      else rule.check!(resource, context);
    } catch (error) {
      threw = true;
      context.findings.push(internalErrorFinding(rule, resource, error));
    }
  }
  return threw;
}

/**
 * The keys (findingKey) of the findings that the rules make on context objects in a run over the context objects
 * alone: the linted objects left out of the index, every context object of the rules' kinds visited.
 */
function contextBaseline(rules: readonly AnyRule[], index: ResourceIndex, options: EngineOptions, settings: Map<string, EffectiveSetting>): Set<string> {
  const contextIndex = new ResourceIndex(
    index.resources.filter((resource) => resource.source.contextOnly),
    index.hasBase ? index.baseObjects : undefined,
    index.kubernetesVersion,
  );
  const keys = new Set<string>();
  const sink: Sink = { findings: [], onContext: (finding) => keys.add(findingKey(finding)) };
  for (const rule of rules) {
    checkEach(rule, targetsOf(rule, contextIndex, true), ruleContext(rule, contextIndex, options, settings.get(rule.meta.id)!, sink), false);
  }
  return keys;
}

/** The objects a rule visits, in the order of the run: linted ones, and context ones too with `withContext`. */
function targetsOf(rule: AnyRule, index: ResourceIndex, withContext: boolean): readonly Resource[] {
  const { kinds } = rule.meta;
  // Linted objects among many context ones (an editor's buffer in its workspace): looked for among the linted alone.
  const pool = !withContext && index.linted.length < index.resources.length ? index.linted : undefined;
  const ofKind = (kind: string) => (pool ? pool.filter((resource) => resource.kind === kind) : index.ofKind(kind));
  const all = kinds ? [...new Set(kinds.map(kindOf))].flatMap(ofKind).filter((resource) => visits(kinds, resource)) : (pool ?? index.resources);
  return withContext ? all : all.filter((resource) => !resource.source.contextOnly);
}

function countKinds(index: ResourceIndex, options: EngineOptions): Pick<LintRun['stats'], 'kinds' | 'unvalidated'> {
  const kinds: Record<string, number> = {};
  const unvalidated: Record<string, number> = {};
  const lookup = { index, kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, schemaDirs: options.schemaDirs ?? [] };
  for (const resource of index.linted) {
    kinds[resource.kind] = (kinds[resource.kind] ?? 0) + 1;
    if (!schemaSource(resource, lookup)) {
      const key = `${resource.apiVersion}/${resource.kind}`;
      unvalidated[key] = (unvalidated[key] ?? 0) + 1;
    }
  }
  return { kinds, unvalidated };
}

/**
 * Findings made outside rule checks (loading, suppressions) honour the rule settings too:
 * dropped when the rule is off, given the configured severity. Fatal findings (a file not read or parsed) stay
 * errors: a setting never hides them.
 */
function applySettings(findings: Finding[], settings: Map<string, EffectiveSetting>): Finding[] {
  return findings.flatMap((finding) => {
    const setting = settings.get(finding.ruleId);
    if (!setting || !setting.configured || finding.fatal) return [finding];
    return setting.severity === 'off' ? [] : [{ ...finding, severity: setting.severity }];
  });
}

interface EffectiveSetting {
  severity: SeveritySetting;
  /** True when the user chose the severity: it then wins over a rule's per-finding severity. */
  configured: boolean;
  options: Record<string, unknown>;
}

function settingOf(rule: AnyRule, options: EngineOptions): EffectiveSetting {
  const setting = options.rules?.[rule.meta.id];
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  if (setting === undefined) return { severity: rule.meta.severity, configured: false, options: defaults };
  const [severity, ruleOptions] = Array.isArray(setting) ? setting : [setting];
  if (ruleOptions !== undefined) validateRuleOptions(rule, ruleOptions);
  return { severity: normalizeSeverity(severity), configured: true, options: { ...defaults, ...ruleOptions } };
}

/** 'warn', 'warning' and 1 → 'warning'; 'error' and 2 → 'error'; anything else → 'off'. */
export function normalizeSeverity(value: SeverityValue): SeveritySetting {
  if (value === 'warn' || value === 'warning' || value === 1) return 'warning';
  if (value === 'error' || value === 2) return 'error';
  return 'off';
}

/**
 * One context per rule, pointed at each object in turn (`visiting`): reports default to that object. A finding on a
 * context object goes to `sink.onContext` with its causes: the linted objects observed so far in this check, and
 * the visited object when it is a linted one.
 */
function ruleContext(rule: AnyRule, index: ResourceIndex, options: EngineOptions, setting: EffectiveSetting, sink: Sink): CheckingContext {
  const context: CheckingContext = {
    index,
    options: setting.options,
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    strict: options.strict ?? true,
    strictKinds: options.strictKinds ?? false,
    schemaDirs: options.schemaDirs ?? [],
    findings: sink.findings,
    observed: new Set(),
    report(descriptor) {
      const visiting = context.visiting!;
      const resource = descriptor.resource ?? visiting;
      if (descriptor.severity !== undefined && descriptor.severity !== rule.meta.severity && !rule.meta.severities?.includes(descriptor.severity)) {
        throw new Error(`reported a ${descriptor.severity} but meta.severities does not list it`);
      }
      const severity: Severity = setting.configured ? (setting.severity as Severity) : (descriptor.severity ?? (setting.severity as Severity));
      const message = formatMessage(rule.meta.messages, descriptor.messageId, descriptor.data);
      const finding = findingAt(resource, descriptor.path, { ruleId: rule.meta.id, severity, message });
      finding.messageId = descriptor.messageId;
      if (descriptor.suggest?.length) {
        finding.suggestions = descriptor.suggest.map(({ messageId, data, edits }) => ({ title: formatMessage(rule.meta.messages, messageId, data), edits }));
      }
      if (resource !== visiting) finding.visited = visiting;
      if (!resource.source.contextOnly) {
        sink.findings.push(finding);
        return;
      }
      const causes = new Set(context.observed);
      if (!visiting.source.contextOnly) causes.add(visiting);
      sink.onContext(finding, [...causes]);
    },
  };
  return context;
}

function internalErrorFinding(rule: AnyRule, resource: Resource, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `Rule '${rule.meta.id}' failed on ${resource.kind} '${resource.name}': ${reason}`;
  return { ...findingAt(resource, [], { ruleId: 'internal-error', severity: 'error', message }), fatal: true };
}

