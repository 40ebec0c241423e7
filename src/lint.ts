/**
 * The front door of the pipeline: load (read, parse) → index → check (rules) → results. `lintFiles` reads from
 * disk, `lintSources` and `lintText` from memory; each returns a LintRun (results, findings with their objects,
 * stats). The CLI, the Action, `plan` and the language server are shells over these functions.
 */
import { loadBase } from './base/load.js';
import { checkLintOptions, checkPaths, checkSources, describeValue } from './check-options.js';
import { expandPaths, ignoreMatcher, type IgnoreOption } from './load/files.js';
import { loadFiles } from './load/parse-files.js';
import { decodeManifest } from './load/read.js';
import { loadSource, type LoadedSource } from './load/source.js';
import { append } from './util/arrays.js';
import { UsageError } from './util/errors.js';
import { lintLoaded, type EngineOptions, type LintRun } from './linter/linter.js';
import type { Finding } from './types.js';

export type { LintRun, RuleSetting, SeverityValue } from './linter/linter.js';

export interface LintOptions extends EngineOptions {
  /** Files, directories or globs read for cross-object lookups only: never reported. */
  contextPaths?: readonly string[];
  /** Glob patterns (relative to `base`) of files not to lint (src/load/glob.ts says which syntax). */
  ignore?: IgnoreOption;
  /** The namespace of objects that do not set `metadata.namespace` (`--namespace`, as `kubectl -n`); default 'default'. */
  namespace?: string;
  /** Files larger than this many bytes are refused with a finding. */
  maxFileBytes?: number;
  /** Called as files are read and parsed (files done, files in all). */
  onProgress?: (done: number, total: number) => void;
}

/** Text already in memory, checked like a file of that path. */
export interface SourceInput {
  path: string;
  text: string;
  /** Read for cross-object lookups only: no finding is reported on it. */
  contextOnly?: boolean;
  /** Part of the base: what runs now, compared with the other sources' objects (see LintOptions.base). */
  base?: boolean;
}

/** Bytes read elsewhere (standard input), decoded and checked like a file. */
export interface RawInput {
  path: string;
  bytes: Uint8Array;
  /** False when reading stopped past `maxFileBytes` (the input is larger): reported as too large. Default true. */
  complete?: boolean;
  contextOnly?: boolean;
  /** The bytes of `--base-files -`. */
  base?: boolean;
}

/**
 * Lint files, directories and globs from disk (and already-read bytes such as standard input), as one set: an
 * object in one file is looked up by rules checking another. Throws UsageError for a path that does not exist,
 * a directory without manifests or a glob matching nothing, a directory or glob whose files are all ignored, and
 * for invalid rule options or ignore patterns; and for options the CLI refuses too (src/check-options.ts: an
 * unknown rule id or severity, a fatal rule turned off, an unsupported kubernetesVersion, an invalid namespace).
 */
export async function lintFiles(paths: readonly string[], options: LintOptions = {}, inputs: readonly RawInput[] = []): Promise<LintRun> {
  checkPaths(paths);
  options = checkLintOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const { files, ignored, linksNotFollowed } = await expandPaths(paths, cwd, options.ignore);
  const isIgnored = ignoreMatcher(options.ignore);
  const extra = inputs.filter((input) => !input.base);
  const linted = new Set(files);
  const context = options.contextPaths?.length ? (await expandPaths(options.contextPaths, cwd)).files : [];
  const toLoad = [
    ...files.map((path) => ({ path, contextOnly: false })),
    ...context.filter((path) => !linted.has(path)).map((path) => ({ path, contextOnly: true })),
  ];
  const outcomes = await loadFiles(toLoad, { maxBytes: options.maxFileBytes, namespace: options.namespace }, options.onProgress);
  for (const input of extra) {
    const read = decodeManifest(input.path, input.bytes, options.maxFileBytes, input.complete);
    const contextOnly = input.contextOnly ?? false;
    outcomes.push('text' in read ? { loaded: loadSource(input.path, read.text, { contextOnly, namespace: options.namespace }) } : { finding: read.finding, contextOnly });
  }
  const loaded: LoadedSource[] = [];
  const readFindings: Finding[] = [];
  for (const outcome of outcomes) {
    if ('loaded' in outcome) loaded.push(outcome.loaded);
    else if (!outcome.contextOnly) readFindings.push(outcome.finding);
  }
  if (options.base) {
    append(
      loaded,
      (await loadBase(options.base, {
        cwd,
        paths: [...paths, ...(options.contextPaths ?? [])],
        accept: (file) => !isIgnored(file),
        stdin: inputs.find((input) => input.base),
        namespace: options.namespace,
        maxFileBytes: options.maxFileBytes,
        loaded: new Map(loaded.map((source) => [source.source.path, source])),
      })),
    );
  }
  const run = lintLoaded(loaded, options, readFindings);
  run.stats.ignored = ignored;
  run.stats.linksNotFollowed = linksNotFollowed;
  return run;
}

/**
 * Lint sources already in memory, as one set. Throws UsageError for a source without a string path or text, and
 * for invalid options, as lintFiles does.
 */
export function lintSources(sources: readonly SourceInput[], options: LintOptions = {}): LintRun {
  checkSources(sources);
  return lintChecked(sources, checkLintOptions(options));
}

/**
 * lintSources at any target version written MAJOR.MINOR, also one the CLI cannot target: for RuleTester and tests
 * of version-aware rules (api-version-removed at 1.15). Every other option is checked as lintSources checks it.
 */
export function lintSourcesAtAnyVersion(sources: readonly SourceInput[], options: LintOptions = {}): LintRun {
  checkSources(sources);
  return lintChecked(sources, checkLintOptions(options, true));
}

function lintChecked(sources: readonly SourceInput[], options: LintOptions): LintRun {
  const loaded = sources.map((input) => {
    const source = loadSource(input.path, input.text, { contextOnly: input.contextOnly, namespace: options.namespace });
    if (input.base) source.source.base = true;
    return source;
  });
  return lintLoaded(loaded, options);
}

/**
 * Lint one text, reported under `filePath` (default `<text>`), as ESLint's `lintText`. Throws UsageError when
 * `text` is not a string, and for invalid options, as lintFiles does.
 */
export function lintText(text: string, options: LintOptions & { filePath?: string } = {}): LintRun {
  if (typeof text !== 'string') throw new UsageError(`lintText expects the text as a string, got ${describeValue(text)}`);
  return lintSources([{ path: options.filePath ?? '<text>', text }], options);
}

export { ignoreMatcher };
