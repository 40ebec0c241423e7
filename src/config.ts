import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { rules } from '../rules/index.js';
import { namespaceProblem, ruleSettingProblem, SEVERITIES, unknownRule, versionProblem } from './check-options.js';
import type { RuleSetting } from './linter/linter.js';
import { severityLabel } from './linter/rule.js';
import { newAjv } from './schema/ajv.js';
import { globMatcher } from './load/glob.js';
import { MAX_ALIAS_COUNT } from './load/tokens.js';
import { syntaxErrors } from './load/yaml.js';
import { UsageError } from './util/errors.js';
import { bounded } from './util/sanitize.js';

/** Names looked for, in this order, in the working directory and then each parent directory. */
export const CONFIG_NAMES = ['.stslint.yaml', '.stslint.yml', '.stslint.json'];

export interface Config {
  /** The file it was read from. */
  path: string;
  rules: Record<string, RuleSetting>;
  /** Globs relative to the config file's directory. */
  ignorePatterns: string[];
  kubernetesVersion?: string;
  strict?: boolean;
  strictKinds?: boolean;
  /** Absolute paths (resolved against the config file's directory). */
  schemaDirs: string[];
  /** Namespace of objects without one. */
  namespace?: string;
  /** A git revision to compare with (`base`). */
  base?: string;
  /** Previous manifests to compare with (`baseFiles`), absolute (resolved against the config file's directory). */
  baseFiles: string[];
  /** Where a key is in the file, for messages: `at(['base'])` is `/repo/.stslint.yaml:7:1: base` (1-based line and column). */
  at: (key: string[]) => string;
}

/** Walk up from `cwd` to the first directory holding a config file. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Read and validate a config file. Configs are data: YAML or JSON, never code. Throws UsageError naming the file,
 * line, column and key for a YAML error, a key or value the JSON Schema refuses, an unsupported kubernetesVersion,
 * a namespace that is not a DNS label, a base that is not a revision name, both base and baseFiles, and a
 * schemaDirs entry that is not a directory.
 */
export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read config file ${path}: ${(error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const [syntax] = syntaxErrors(doc.errors);
  if (syntax) throw new UsageError(`${at(syntax.pos[0])}: ${syntax.code === 'MULTIPLE_DOCS' ? SECOND_DOCUMENT : syntax.message}`);
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // Only aliases make toJS throw: too many (a "billion laughs"), or one naming no anchor.
    throw new UsageError(`${at(0)}: the config cannot be loaded: ${(error as Error).message}`);
  }
  const problem = firstProblem(data) ?? valueProblem(data);
  if (problem) throw new UsageError(`${at(offsetOf(doc, problem.path))}: ${problem.message}`);
  // Each pattern compiled here too, so that one stslint does not support is named at its line and column.
  ((data.ignorePatterns ?? []) as string[]).forEach((pattern, i) => globMatcher([pattern], `${at(offsetOf(doc, ['ignorePatterns', String(i)]))}: ignorePatterns`));
  return {
    at: (key) => `${at(offsetOf(doc, key))}: ${key.join('.')}`,
    path,
    rules: (data.rules ?? {}) as Record<string, RuleSetting>,
    ignorePatterns: (data.ignorePatterns ?? []) as string[],
    kubernetesVersion: data.kubernetesVersion as string | undefined,
    strict: data.strict as boolean | undefined,
    strictKinds: data.strictKinds as boolean | undefined,
    schemaDirs: ((data.schemaDirs ?? []) as string[]).map((dir, i) => existingDirectory(resolve(dirname(path), dir), path, lineCounter, doc, ['schemaDirs', String(i)])),
    namespace: data.namespace as string | undefined,
    base: data.base as string | undefined,
    baseFiles: ((data.baseFiles ?? []) as string[]).map((file) => resolve(dirname(path), file)),
  };
}

const SECOND_DOCUMENT = 'A config file holds one YAML document; a second one starts here (remove the --- line or split the file)';

interface Problem {
  path: string[];
  message: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Validate against the shipped JSON Schema, and turn ajv's first error into one clear sentence. */
function firstProblem(data: unknown): Problem | undefined {
  const validate = configValidator();
  if (validate(data)) return undefined;
  const errors = validate.errors as AjvError[];
  // The most specific error is the deepest one; ajv lists oneOf branches, so prefer unknown keys and enums.
  const error = [...errors].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0];
  const path = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const where = [...path, key];
    if (path.length === 1 && path[0] === 'rules') return { path: where, message: unknownRule(key) };
    return { path: where, message: `Unknown key '${bounded([...path, key].join('.'))}'` };
  }
  if (path[0] === 'rules' && path.length >= 2) {
    const setting = ruleSettingProblem(path[1], (data as { rules: Record<string, unknown> }).rules[path[1]]);
    if (setting) return { path: path.slice(0, 2), message: setting };
    return { path: path.slice(0, 2), message: `Invalid setting for rule '${path[1]}': use off, warn or error, or [severity, options] with the rule's options (${describe(error, path)})` };
  }
  return { path, message: describe(error, path) };
}

/** The values the JSON Schema cannot judge, checked as the same settings given on the command line are. */
function valueProblem(data: Record<string, unknown>): Problem | undefined {
  const problems: [string, string | undefined][] = [
    ['kubernetesVersion', data.kubernetesVersion === undefined ? undefined : versionProblem(data.kubernetesVersion)],
    ['namespace', data.namespace === undefined ? undefined : namespaceProblem(data.namespace)],
    ['base', typeof data.base === 'string' && data.base.startsWith('-') ? `'${bounded(data.base)}' is not a git revision (it starts with -)` : undefined],
    ['baseFiles', data.base !== undefined && data.baseFiles !== undefined ? BOTH_BASES : undefined],
    ['baseFiles', ((data.baseFiles ?? []) as string[]).includes('-') ? 'standard input (-) can be a base only on the command line (--base-files -)' : undefined],
  ];
  const found = problems.find(([, message]) => message !== undefined);
  return found && { path: [found[0]], message: `${found[0]}: ${found[1]}` };
}

/** Why a config file cannot give both a base revision and base files. */
export const BOTH_BASES = 'a run compares with one base: give a git revision or files, not both';

function describe(error: AjvError, path: string[]): string {
  const where = path.length > 0 ? bounded(path.join('.')) : 'the config';
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

function depth(error: AjvError): number {
  return error.instancePath.split('/').length;
}

function rank(error: AjvError): number {
  return ['additionalProperties', 'enum', 'type'].indexOf(error.keyword) >>> 0;
}

/** The path when it is an existing directory; else a UsageError at the entry's line and column. */
function existingDirectory(dir: string, path: string, lineCounter: LineCounter, doc: Document, at: string[]): string {
  const problem = !existsSync(dir) ? 'does not exist' : statSync(dir).isDirectory() ? undefined : 'is not a directory';
  if (!problem) return dir;
  const { line, col } = lineCounter.linePos(offsetOf(doc, at));
  throw new UsageError(`${path}:${line}:${col}: schemaDirs entry '${bounded(dir)}' ${problem}`);
}

/** Where a config path is in the file: its key, or the deepest existing parent. */
function offsetOf(doc: Document, path: string[]): number {
  let node = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isSeq(node)) {
      node = (node.items[Number(segment)] as Node | undefined) ?? null;
      offset = node?.range?.[0] ?? offset;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
    if (!pair) break;
    offset = (pair.key as Node).range?.[0] ?? offset;
    node = pair.value as Node | null;
  }
  return offset;
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
let validator: Validator | undefined;

function configValidator(): Validator {
  if (validator) return validator;
  validator = newAjv({ allErrors: true, strict: false }).compile(configSchema()) as Validator;
  return validator;
}

/** The only settings of a rule whose findings are fatal: they are errors whatever the settings say. */
const FATAL_SEVERITIES = ['error', 2];

/**
 * The JSON Schema of `.stslint.yaml`, generated from the rule registry so that every rule id
 * (and its options) is known to editors. Written to schemas/stslint-config.schema.json by `npm run docs`.
 */
export function configSchema(): Record<string, unknown> {
  const ruleProperties = Object.fromEntries(
    rules.map(({ meta }) => [
      meta.id,
      {
        description: `${meta.description} (default: ${severityLabel(meta)})`,
        ...(meta.fatal ? { enum: FATAL_SEVERITIES } : {}),
        oneOf: [
          { enum: SEVERITIES },
          {
            type: 'array',
            items: [{ enum: SEVERITIES }, meta.options ?? { type: 'object', maxProperties: 0 }],
            additionalItems: false,
            minItems: 1,
          },
        ],
      },
    ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/stslint/stslint/blob/main/schemas/stslint-config.schema.json',
    title: 'stslint configuration (.stslint.yaml, .stslint.yml or .stslint.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Severity per rule id: off, warn or error, or [severity, options] as in ESLint.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
      ignorePatterns: {
        description: 'Glob patterns of files not to lint, relative to the directory of this file.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      $schema: { description: 'The JSON Schema of this file, for editors.', type: 'string' },
      kubernetesVersion: {
        description: 'Target Kubernetes version, MAJOR.MINOR (for example "1.30"); a patch version or a leading v is accepted and ignored.',
        type: 'string',
        pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$',
      },
      namespace: {
        description: 'Namespace of objects that do not set metadata.namespace (as helm template -n / kubectl -n); default "default".',
        type: 'string',
        minLength: 1,
      },
      strict: { description: 'Report unknown fields in schema validation (default true; false relaxes it).', type: 'boolean' },
      strictKinds: { description: 'Report objects whose kind has no schema instead of skipping them.', type: 'boolean' },
      schemaDirs: {
        description: 'Directories of extra JSON Schemas for custom resources (<group>/<kind>_<version>.json), relative to this file.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      base: {
        description: 'A git revision to compare the manifests with (as --base): what the same paths held at that commit.',
        type: 'string',
        minLength: 1,
      },
      baseFiles: {
        description: 'Files or directories holding the previous manifests or live objects to compare with (as --base-files), relative to this file.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
    },
  };
}
