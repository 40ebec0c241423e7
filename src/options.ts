/**
 * One options resolver for every front end (the CLI, the GitHub Action, `plan`, the language server): the config
 * file and the settings a front end was given become the lint options, so that a setting can never work in one
 * front end and not in another.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rules as registry } from '../rules/index.js';
import { fatalSetting, findConfig, loadConfig, type Config } from './config.js';
import type { LintOptions, RuleSetting, SeverityValue } from './lint.js';
import { normalizeVersion } from './k8s/api-versions.js';
import { isDnsLabel } from './k8s/statefulsets.js';
import { normalizeSeverity } from './linter/linter.js';
import { unsupportedVersion } from './schema/versions.js';
import { UsageError } from './util/errors.js';
import { bounded } from './util/sanitize.js';

/** What a front end was told (flags, Action inputs), already typed. Given settings win over the config file. */
export interface Settings {
  /** The config file: a path (relative to cwd), `false` for none (`--no-config`), absent to look for one upward from cwd. */
  config?: string | false;
  /** Severities per rule id; they win over the config file's, rule by rule. */
  rules?: Readonly<Record<string, RuleSetting>>;
  kubernetesVersion?: string;
  strict?: boolean;
  strictKinds?: boolean;
  /** Extra schema directories, relative to cwd; added to the config file's. */
  schemaDirs?: readonly string[];
  /** Namespace of objects without one (`--namespace`). */
  namespace?: string;
  /** Files, directories or globs read for lookups only, relative to cwd. */
  contextPaths?: readonly string[];
  /** Honour suppression comments and annotations (default true). */
  inlineConfig?: boolean;
  /** Refuse files larger than this many bytes. */
  maxFileBytes?: number;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** A git revision to compare with (`--base`); wins over the config file's. */
  base?: string;
  /** Files, directories or `-` holding the previous manifests (`--base-files`), relative to cwd; replace the config file's. */
  baseFiles?: readonly string[];
}

/** The options of a run, with the config file they came from. */
export interface ResolvedOptions {
  lint: LintOptions;
  /** The config file read, if any. */
  config?: Config;
  /** -1 when there is no limit. */
  maxWarnings: number;
}

/** How a front end names a setting in its error messages: `--schema-dir` on the command line, `schema-dir` in the Action. */
export type SettingName = (setting: keyof Settings) => string;

/**
 * Resolve the lint options of a run from the settings a front end was given and the config file. Throws
 * UsageError (one line naming the setting, or the config file with line and column) for an unreadable or invalid
 * config file, an unsupported Kubernetes version, a schema directory that does not exist or is a file, an invalid
 * namespace, a rule whose findings are fatal set to anything but error. The Kubernetes version is given on as
 * MAJOR.MINOR ('v1.30.2' → '1.30').
 */
export function resolveOptions(settings: Settings, cwd: string, settingName: SettingName): ResolvedOptions {
  const config = readConfig(settings.config, cwd);
  const kubernetesVersion = settings.kubernetesVersion ?? config?.kubernetesVersion;
  const unsupported = kubernetesVersion === undefined ? undefined : unsupportedVersion(kubernetesVersion);
  if (unsupported) {
    const where = settings.kubernetesVersion !== undefined ? settingName('kubernetesVersion') : `${config!.path}: kubernetesVersion`;
    throw new UsageError(`${where}: ${unsupported}`);
  }
  const flagDirs = (settings.schemaDirs ?? []).map((dir) => checkDirectory(resolve(cwd, dir), settingName('schemaDirs')));
  for (const [id, setting] of Object.entries(settings.rules ?? {})) {
    const severity = normalizeSeverity((Array.isArray(setting) ? setting[0] : setting) as SeverityValue);
    if (severity !== 'error' && registry.find((rule) => rule.meta.id === id)?.meta.fatal) throw new UsageError(`${settingName('rules')}: ${fatalSetting(id)}`);
  }
  const namespace = settings.namespace ?? config?.namespace;
  if (namespace !== undefined && !isDnsLabel(namespace)) {
    throw new UsageError(`${settingName('namespace')}: '${bounded(namespace)}' is not a valid namespace name (a DNS label: lowercase letters, digits and '-', at most 63)`);
  }
  return {
    config,
    maxWarnings: settings.maxWarnings ?? -1,
    lint: {
      cwd,
      rules: { ...config?.rules, ...settings.rules },
      kubernetesVersion: kubernetesVersion === undefined ? undefined : normalizeVersion(kubernetesVersion),
      // Unknown fields are errors by default, as kubectl apply's server-side field validation (Strict) since 1.27.
      strict: settings.strict ?? config?.strict ?? true,
      strictKinds: settings.strictKinds ?? config?.strictKinds ?? false,
      schemaDirs: [...flagDirs, ...(config?.schemaDirs ?? [])],
      namespace,
      contextPaths: settings.contextPaths,
      ignore: config ? { base: dirname(config.path), patterns: config.ignorePatterns, source: config.path } : undefined,
      inlineConfig: settings.inlineConfig ?? true,
      maxFileBytes: settings.maxFileBytes,
      base: baseOf(settings, config),
    },
  };
}

/** The base of the run, when the settings or the config file give one. */
function baseOf(settings: Settings, config: Config | undefined): LintOptions['base'] {
  const ref = settings.base ?? config?.base;
  const files = settings.baseFiles?.length ? settings.baseFiles : config?.baseFiles;
  return ref !== undefined || files?.length ? { ref, files } : undefined;
}

function readConfig(config: Settings['config'], cwd: string): Config | undefined {
  if (config === false) return undefined;
  const path = config !== undefined ? resolve(cwd, config) : findConfig(cwd);
  return path ? loadConfig(path) : undefined;
}

function checkDirectory(path: string, name: string): string {
  if (!existsSync(path)) throw new UsageError(`${name}: no such directory: ${bounded(path)}`);
  if (!statSync(path).isDirectory()) throw new UsageError(`${name}: not a directory: ${bounded(path)}`);
  return path;
}

/** A whole number of at least 0 given as text (`--max-warnings 10`); throws UsageError naming the setting. */
export function parseCount(text: string, name: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${name} expects a whole number, got '${bounded(text)}'`);
  return Number(text.trim());
}

/** `true` or `false` given as text (an Action input); throws UsageError naming the setting for anything else. */
export function parseBoolean(text: string, name: string): boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  throw new UsageError(`${name} expects true or false, got '${bounded(text)}'`);
}

/** `--rule id=severity` flags as rule settings; throws UsageError for an unknown rule or severity. */
export function parseRuleFlags(flags: readonly string[], knownIds: ReadonlySet<string>, name = '--rule'): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([a-z0-9-]+)=(off|warn|warning|error)$/.exec(flag);
    if (!match) throw new UsageError(`${name} expects ID=off|warn|error, got '${bounded(flag)}'`);
    if (!knownIds.has(match[1])) throw new UsageError(`${name}: unknown rule '${bounded(match[1])}' (see stslint rules)`);
    settings[match[1]] = match[2] as RuleSetting;
  }
  return settings;
}
