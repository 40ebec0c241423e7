/**
 * The checks of settings that every front end shares, so that the command line, the config file, the GitHub Action
 * and the library refuse the same values with the same words: rule ids and severities, the target Kubernetes
 * version, the namespace. Each check returns why a value is refused (one sentence, without the setting's name,
 * which the caller puts in front), or undefined when it is fine.
 */
import { rules as registry } from '../rules/index.js';
import { normalizeVersion } from './k8s/api-versions.js';
import { isDnsLabel } from './k8s/statefulsets.js';
import type { EngineOptions, RuleSetting } from './linter/linter.js';
import type { AnyRule } from './linter/rule.js';
import { unsupportedVersion } from './schema/versions.js';
import { UsageError } from './util/errors.js';
import { isRecord } from './util/guards.js';
import { closestName } from './util/names.js';
import { bounded } from './util/sanitize.js';

/** The severities a rule takes, as ESLint writes them. */
export const SEVERITIES: readonly unknown[] = ['off', 'warn', 'warning', 'error', 0, 1, 2];

/** Why `id` is not a rule of `rules`: it names the closest rule id when there is one. */
export function unknownRule(id: string, rules: readonly AnyRule[] = registry): string {
  const closest = closestName(id, rules.map((rule) => rule.meta.id));
  return `Unknown rule '${bounded(id)}'${closest ? `; did you mean '${closest}'?` : ''} (see stslint rules)`;
}

/** Why a rule whose findings are fatal takes no other setting than error. */
export function fatalSetting(id: string): string {
  return `Rule '${id}' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error`;
}

/**
 * Why `setting` is refused for rule `id` (a severity, or [severity, options] as in ESLint): an unknown rule, an
 * unknown severity, options that are not an object, or a fatal rule set to anything but error. The options
 * themselves are checked against the rule's schema when the rule runs (src/linter/rule-options.ts).
 */
export function ruleSettingProblem(id: string, setting: unknown, rules: readonly AnyRule[] = registry): string | undefined {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) return unknownRule(id, rules);
  const [severity, options, ...rest] = Array.isArray(setting) ? setting : [setting];
  if (!SEVERITIES.includes(severity)) return `Invalid severity ${typeof severity === 'string' ? `'${bounded(severity)}'` : bounded(String(severity))} for rule '${bounded(id)}': use off, warn or error`;
  if ((options !== undefined && !isRecord(options)) || rest.length > 0) return `Invalid setting for rule '${bounded(id)}': use a severity, or [severity, options] with an object of the rule's options`;
  if (rule.meta.fatal && severity !== 'error' && severity !== 2) return fatalSetting(id);
  return undefined;
}

/** Why stslint cannot target `version` (a string MAJOR.MINOR, also `v1.30` or `1.30.2`). */
export function versionProblem(version: unknown): string | undefined {
  if (typeof version !== 'string') return `Unsupported Kubernetes version ${bounded(String(version))}: give it as a string, MAJOR.MINOR ("1.30")`;
  return unsupportedVersion(version);
}

/** Why `namespace` cannot be a namespace name (a DNS label). */
export function namespaceProblem(namespace: unknown): string | undefined {
  if (typeof namespace === 'string' && isDnsLabel(namespace)) return undefined;
  return `'${bounded(String(namespace))}' is not a valid namespace name (a DNS label: lowercase letters, digits and '-', at most 63)`;
}

/**
 * The library's check of LintOptions (lintFiles, lintSources, lintText), with the CLI's words: throws UsageError
 * naming the option (`rules: Unknown rule 'x'…`, `kubernetesVersion: Unsupported…`, `namespace: …`). Returns the
 * options with the Kubernetes version as MAJOR.MINOR ('v1.30.2' → '1.30'). `anyVersion` takes any version written
 * MAJOR.MINOR, for RuleTester, which tests version-aware rules at versions the CLI cannot target (1.15).
 */
export function checkLintOptions<T extends EngineOptions & { namespace?: string }>(options: T, anyVersion = false): T {
  if (!isRecord(options)) throw new UsageError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  if (options.rules !== undefined && !isRecord(options.rules)) throw new UsageError('rules: give an object of rule id → severity');
  // Any rule stslint has may be set, also one this run leaves out (`plan` and tests run a few): as for directives.
  const known = options.registry ? [...options.registry, ...registry] : registry;
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    const problem = ruleSettingProblem(id, setting as RuleSetting, known);
    if (problem) throw new UsageError(`rules: ${problem}`);
  }
  if (options.namespace !== undefined) {
    const problem = namespaceProblem(options.namespace);
    if (problem) throw new UsageError(`namespace: ${problem}`);
  }
  if (options.kubernetesVersion === undefined) return options;
  const version = normalizeVersion(options.kubernetesVersion);
  const problem = anyVersion ? (version === undefined ? versionProblem(options.kubernetesVersion) : undefined) : versionProblem(options.kubernetesVersion);
  if (problem) throw new UsageError(`kubernetesVersion: ${problem}`);
  return { ...options, kubernetesVersion: version };
}

/** The library's check of what lintFiles is given: throws UsageError unless `paths` is an array of strings. */
export function checkPaths(paths: unknown): void {
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) throw new UsageError(`lintFiles expects an array of paths (strings), got ${describeValue(paths)}`);
}

/** The library's check of what lintSources is given: throws UsageError unless each source has a string path and text. */
export function checkSources(sources: unknown): void {
  if (!Array.isArray(sources)) throw new UsageError(`lintSources expects an array of { path, text }, got ${describeValue(sources)}`);
  for (const [i, source] of sources.entries()) {
    if (!isRecord(source) || typeof source.path !== 'string') throw new UsageError(`lintSources: source ${i} needs a path (a string), got ${describeValue(source)}`);
    if (typeof source.text !== 'string') throw new UsageError(`lintSources: source ${i} (${bounded(source.path)}) needs its text as a string, got ${describeValue(source.text)}`);
  }
}

/** A value's type as a message shows it: null, an array, a number... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
