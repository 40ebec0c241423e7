/**
 * One options resolver for every front end (the CLI, the GitHub Action, `plan`, the language server): the config
 * file and the settings a front end was given become the lint options, so that a setting can never work in one
 * front end and not in another.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { namespaceProblem, ruleSettingProblem, versionProblem } from './check-options.js';
import { BOTH_BASES, findConfig, loadConfig, type Config } from './config.js';
import type { LintOptions, RuleSetting } from './lint.js';
import { normalizeVersion } from './k8s/api-versions.js';
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
 * UsageError (one line naming the setting, or the config file with line, column and key) for an unreadable or
 * invalid config file, an unknown rule or severity, a rule whose findings are fatal set to anything but error, an
 * unsupported Kubernetes version, a schema directory that does not exist or is a file, an invalid namespace, and
 * both a base revision and base files. The checks are the library's (src/check-options.ts). The Kubernetes version
 * is given on as MAJOR.MINOR ('v1.30.2' → '1.30').
 */
export function resolveOptions(settings: Settings, cwd: string, settingName: SettingName): ResolvedOptions {
  const config = readConfig(settings.config, cwd);
  const refuse = (setting: keyof Settings, problem: string | undefined) => {
    if (problem) throw new UsageError(`${settingName(setting)}: ${problem}`);
  };
  for (const [id, setting] of Object.entries(settings.rules ?? {})) refuse('rules', ruleSettingProblem(id, setting));
  if (settings.kubernetesVersion !== undefined) refuse('kubernetesVersion', versionProblem(settings.kubernetesVersion));
  if (settings.namespace !== undefined) refuse('namespace', namespaceProblem(settings.namespace));
  if (settings.base !== undefined && settings.baseFiles?.length) throw new UsageError(`${settingName('base')} and ${settingName('baseFiles')}: ${BOTH_BASES}`);
  const flagDirs = (settings.schemaDirs ?? []).map((dir) => checkDirectory(resolve(cwd, dir), settingName('schemaDirs')));
  const kubernetesVersion = settings.kubernetesVersion ?? config?.kubernetesVersion;
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
      namespace: settings.namespace ?? config?.namespace,
      contextPaths: settings.contextPaths,
      ignore: config ? { base: dirname(config.path), patterns: config.ignorePatterns, source: config.path } : undefined,
      inlineConfig: settings.inlineConfig ?? true,
      maxFileBytes: settings.maxFileBytes,
      base: baseOf(settings, config, settingName),
    },
  };
}

/**
 * The base of the run, when the settings or the config file give one, with the names its errors use. A base given
 * in the settings (a revision or files) replaces the config file's: a run compares with one base.
 */
function baseOf(settings: Settings, config: Config | undefined, settingName: SettingName): LintOptions['base'] {
  if (settings.base !== undefined || settings.baseFiles?.length) {
    return { ref: settings.base, files: settings.baseFiles, refName: settingName('base'), filesName: settingName('baseFiles') };
  }
  if (config?.base !== undefined) return { ref: config.base, refName: config.at(['base']) };
  if (config?.baseFiles.length) return { files: config.baseFiles, filesName: config.at(['baseFiles']) };
  return undefined;
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

/**
 * A whole number of at least 0 given as text (`--max-warnings 10`), or -1 when `noLimit` allows it (ESLint's
 * `--max-warnings -1`: no limit); throws UsageError naming the setting.
 */
export function parseCount(text: string, name: string, noLimit = false): number {
  if (noLimit && text.trim() === '-1') return -1;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${name} expects a whole number${noLimit ? ' (or -1 for no limit)' : ''}, got '${bounded(text)}'`);
  return Number(text.trim());
}

/** `true` or `false` given as text (an Action input); throws UsageError naming the setting for anything else. */
export function parseBoolean(text: string, name: string): boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  throw new UsageError(`${name} expects true or false, got '${bounded(text)}'`);
}

/**
 * `--rule id=severity` flags as rule settings; throws UsageError for a flag not of that form. Rule ids and
 * severities are checked by resolveOptions, as the library checks them.
 */
export function parseRuleFlags(flags: readonly string[], name = '--rule'): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([^=\s]+)=(.*)$/.exec(flag);
    if (!match) throw new UsageError(`${name} expects ID=off|warn|error, got '${bounded(flag)}'`);
    settings[match[1]] = match[2] as RuleSetting;
  }
  return settings;
}
