import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules as registry } from '../../rules/index.js';
import { describeValue } from '../check-options.js';
import { UsageError } from '../util/errors.js';
import { oneLine } from '../util/sanitize.js';
import type { LintResult, RuleMeta } from '../types.js';
import type { FormatterContext, MaxWarningsExceeded } from './context.js';

export type { FormatterContext, MaxWarningsExceeded };
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { ruleDocsUrl } from './package-info.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { importModule } from '../compile-cache.js';


type BuiltInFormatter = (results: LintResult[], context: FormatterContext) => string;

const BUILT_IN = new Map<string, BuiltInFormatter>([
  ['stylish', formatStylish],
  ['compact', formatCompact],
  ['json', formatJson],
  ['sarif', formatSarif],
  ['github', formatGithub],
  ['junit', formatJunit],
]);

export const BUILT_IN_FORMATS: readonly string[] = [...BUILT_IN.keys()];

/** ESLint's formatter signature: results already have ESLint's shape. */
type EslintFormatter = (results: LintResult[], context: EslintFormatterContext) => unknown;

interface EslintFormatterContext {
  cwd: string;
  rulesMeta: Record<string, { type: 'problem'; docs: { description: string; url: string } }>;
  maxWarningsExceeded?: MaxWarningsExceeded;
}

const FORMATTER_PREFIX = 'eslint-formatter';

/**
 * The report text for `--format <name>`, ending in a newline unless empty. Built-in names win;
 * any other name is an ESLint formatter: a path (it contains `/` or starts with `.`), resolved
 * against cwd, or a package `eslint-formatter-<name>` resolved from cwd, the user's project.
 * Nothing outside stslint is loaded unless the user names it. `context` may be left out, whole or in part: cwd
 * defaults to process.cwd(), color to false, rulesMeta to the built-in rules'. Throws UsageError for a name that is
 * not a string or names no formatter, for results that are not an array, and for an ESLint formatter that fails.
 */
export async function formatResults(name: string, results: LintResult[], given: Partial<FormatterContext> = {}): Promise<string> {
  if (typeof name !== 'string') throw new UsageError(`formatResults expects a format name (a string), got ${describeValue(name)}`);
  if (!Array.isArray(results)) throw new UsageError(`formatResults expects the results as an array (LintRun.results), got ${describeValue(results)}`);
  const set = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  const context: FormatterContext = { cwd: process.cwd(), color: false, ...set, rulesMeta: (set.rulesMeta as FormatterContext['rulesMeta'] | undefined) ?? defaultRulesMeta() };
  const builtIn = BUILT_IN.get(name);
  const output = builtIn ? builtIn(results, context) : await runEslintFormatter(name, results, context);
  return output === '' || output.endsWith('\n') ? output : `${output}\n`;
}

function defaultRulesMeta(): Record<string, RuleMeta> {
  return Object.fromEntries(registry.map((rule) => [rule.meta.id, rule.meta]));
}

async function runEslintFormatter(name: string, results: LintResult[], context: FormatterContext): Promise<string> {
  const formatter = await loadFormatter(name, context.cwd);
  let output: unknown;
  try {
    // A copy: a formatter that changes its input must not change what the next --format writes.
    const { cwd, maxWarningsExceeded } = context;
    output = await formatter(structuredClone(results), { cwd, rulesMeta: eslintRulesMeta(context.rulesMeta), ...(maxWarningsExceeded ? { maxWarningsExceeded } : {}) });
  } catch (error) {
    throw new UsageError(`Formatter '${oneLine(name)}' failed: ${firstLine(error)}`);
  }
  if (output === undefined || output === null) return '';
  if (typeof output !== 'string') throw new UsageError(`Formatter '${oneLine(name)}' returned ${typeof output}, not a string`);
  return output;
}

function eslintRulesMeta(rulesMeta: Record<string, RuleMeta>): EslintFormatterContext['rulesMeta'] {
  return Object.fromEntries(
    Object.entries(rulesMeta).map(([id, meta]) => [id, { type: 'problem', docs: { description: meta.description, url: ruleDocsUrl(id) } }]),
  );
}

async function loadFormatter(name: string, cwd: string): Promise<EslintFormatter> {
  const specifier = name.replace(/\\/g, '/');
  const file = isPath(specifier) ? existingPath(name, cwd) : resolvePackage(name, packageName(specifier), cwd);
  let module: { default?: unknown };
  try {
    module = (await importModule(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`Cannot load formatter '${oneLine(name)}' (${oneLine(file)}): ${firstLine(error)}`);
  }
  const exported = module.default as { default?: unknown } | undefined;
  // ES module default export, CommonJS module.exports, or a CommonJS module compiled from `export default`.
  const formatter = typeof exported === 'function' ? exported : exported?.default;
  if (typeof formatter !== 'function') throw new UsageError(`Formatter '${oneLine(name)}' (${oneLine(file)}) does not export a function`);
  return formatter as EslintFormatter;
}

/** As ESLint decides: a name with a slash that is not a scoped package name, or one starting with a dot. */
function isPath(specifier: string): boolean {
  return !specifier.startsWith('@') && (specifier.includes('/') || specifier.startsWith('.'));
}

function existingPath(name: string, cwd: string): string {
  const file = resolve(cwd, name);
  if (!existsSync(file)) throw new UsageError(`Cannot load formatter '${oneLine(name)}': no such file ${oneLine(file)}`);
  return file;
}

/** ESLint's naming: x → eslint-formatter-x, @scope → @scope/eslint-formatter, @scope/x → @scope/eslint-formatter-x. */
function packageName(specifier: string): string {
  if (specifier.startsWith('@')) {
    const slash = specifier.indexOf('/');
    if (slash < 0) return `${specifier}/${FORMATTER_PREFIX}`;
    const rest = specifier.slice(slash + 1);
    return rest.startsWith(FORMATTER_PREFIX) ? specifier : `${specifier.slice(0, slash)}/${FORMATTER_PREFIX}-${rest}`;
  }
  return specifier.startsWith(`${FORMATTER_PREFIX}-`) ? specifier : `${FORMATTER_PREFIX}-${specifier}`;
}

/** Resolved as Node resolves it from a file in cwd: the user's project, never stslint's own node_modules first. */
function resolvePackage(name: string, packageName: string, cwd: string): string {
  try {
    return createRequire(join(cwd, 'noop.js')).resolve(packageName);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new UsageError(
        `Unknown format '${oneLine(name)}': not a built-in (${BUILT_IN_FORMATS.join(', ')}) and no package ${oneLine(packageName)} found from ${oneLine(cwd)}`,
      );
    }
    throw new UsageError(`Cannot resolve formatter package ${oneLine(packageName)} from ${oneLine(cwd)}: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  return oneLine((error instanceof Error ? error.message : String(error)).split('\n')[0]);
}
