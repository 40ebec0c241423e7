/**
 * Loading the base of a run: the manifests as they were at a git revision (`--base REF`) and previous manifests or
 * live objects from files (`--base-files PATH`). They go through the same loader as the linted files, and come out
 * as sources marked `base`, which the engine keeps apart from the run's objects (ResourceIndex.base()).
 */
import { expandPaths } from '../load/files.js';
import { loadFiles } from '../load/parse-files.js';
import type { Io } from '../io.js';
import { decodeManifest, DEFAULT_MAX_FILE_BYTES } from '../load/read.js';
import { loadSource, type LoadedSource } from '../load/source.js';
import type { Finding, SourceFile } from '../types.js';
import { UsageError } from '../util/errors.js';
import { filesAtRevision, type FileAtRevision } from './git.js';

/** What to compare the run with. Both may be given: the base is then the union (--base-files read first). */
export interface BaseOptions {
  /** A git revision (`--base`): the base is what the run's paths held at that commit. */
  ref?: string;
  /** Files, directories or globs (`--base-files`), relative to cwd; `-` is standard input. */
  files?: readonly string[];
  /** How errors name where `ref` came from (default `--base`; a config file's `file:line:column: base`). */
  refName?: string;
  /** How errors name where `files` came from (default `--base-files`). */
  filesName?: string;
}

export interface BaseLoadOptions {
  cwd: string;
  /** The run's paths (linted and context), as given: what `ref` is read for. */
  paths: readonly string[];
  /** Takes a work-tree path (ignorePatterns). */
  accept: (path: string) => boolean;
  namespace?: string;
  maxFileBytes?: number;
  /** Standard input, when `-` is among `files`: its display name and bytes. */
  stdin?: { path: string; bytes: Uint8Array; complete?: boolean };
  /** The run's sources by path: a file the same at the revision is taken from there, not parsed again. */
  loaded?: ReadonlyMap<string, LoadedSource>;
}

/**
 * The base sources, marked `base`. A file that cannot be read is a source without objects carrying the finding.
 * Throws UsageError for a path that does not exist, `-` without standard input, and the git problems of
 * filesAtRevision.
 */
export async function loadBase(base: BaseOptions, options: BaseLoadOptions): Promise<LoadedSource[]> {
  const sources = [...(await fromFiles(base.files ?? [], options, base.filesName ?? '--base-files'))];
  if (base.ref !== undefined) {
    const name = base.refName ?? '--base';
    const paths = options.paths.filter((path) => path !== '-');
    if (paths.length === 0) throw new UsageError(`${name} reads the same paths at a git revision: give paths, not only standard input (--base-files reads a base from files)`);
    let files;
    try {
      files = filesAtRevision(base.ref, paths, options.cwd, options.accept);
    } catch (error) {
      // filesAtRevision's messages name the flag; a base from the config file is named by its place there.
      throw error instanceof UsageError && name !== '--base' ? new UsageError(error.message.replace(/^--base\b:?/, `${name}:`)) : error;
    }
    for (const file of files) {
      const source = unchanged(file, options) ?? fromBytes(file.path, file.bytes, options);
      source.source.origin = file.origin;
      sources.push(source);
    }
  }
  for (const source of sources) source.source.base = true;
  return sources;
}

/**
 * Standard input as the base, for `--base-files -` (named `<stdin>`); none without it. Throws UsageError when
 * standard input is a manifest of the run too (`-` among the paths): it can be read once.
 */
export async function baseStdin(
  baseFiles: readonly string[] | undefined,
  paths: readonly string[],
  readStdin: Io['readStdin'],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ path: string; bytes: Uint8Array; complete: boolean; base: true }[]> {
  if (!baseFiles?.includes('-')) return [];
  if (paths.includes('-')) throw new UsageError('Standard input can be read once: use - for the manifests or for --base-files, not both');
  return [{ path: '<stdin>', ...(await readStdin(maxBytes)), base: true }];
}

async function fromFiles(files: readonly string[], options: BaseLoadOptions, name: string): Promise<LoadedSource[]> {
  const sources: LoadedSource[] = [];
  const paths = files.filter((file) => file !== '-');
  if (files.includes('-')) {
    if (!options.stdin) throw new UsageError(`${name}: - names standard input, but none was given`);
    sources.push(fromBytes(options.stdin.path, options.stdin.bytes, options, options.stdin.complete));
  }
  if (paths.length === 0) return sources;
  let expanded: string[];
  try {
    expanded = (await expandPaths(paths, options.cwd)).files;
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(`${name}: ${error.message}`) : error;
  }
  const outcomes = await loadFiles(
    expanded.map((path) => ({ path, contextOnly: false })),
    { maxBytes: options.maxFileBytes, namespace: options.namespace },
  );
  for (const outcome of outcomes) sources.push('loaded' in outcome ? outcome.loaded : unreadable(outcome.finding));
  return sources;
}

/**
 * The run's own parse of a file that has the same text at the revision (most files of a change), under the name of
 * the file at the revision: the same objects, positions and findings, without parsing it twice.
 */
function unchanged(file: FileAtRevision, options: BaseLoadOptions): LoadedSource | undefined {
  const current = options.loaded?.get(file.origin);
  if (!current) return undefined;
  const read = decodeManifest(file.path, file.bytes, options.maxFileBytes);
  if (!('text' in read) || read.text !== current.source.text) return undefined;
  const source: SourceFile = { ...current.source, path: file.path, contextOnly: false };
  return {
    source,
    resources: current.resources.map((resource) => ({ ...resource, source })),
    findings: current.findings.map((finding) => ({ ...finding, file: file.path })),
    documentCount: current.documentCount,
    skipped: current.skipped,
  };
}

function fromBytes(path: string, bytes: Uint8Array, options: BaseLoadOptions, complete = true): LoadedSource {
  const read = decodeManifest(path, bytes, options.maxFileBytes, complete);
  return 'text' in read ? loadSource(path, read.text, { namespace: options.namespace }) : unreadable(read.finding);
}

/** A base file that could not be read: no objects, and the finding saying why. */
function unreadable(finding: Finding): LoadedSource {
  const loaded = loadSource(finding.file, '');
  loaded.findings.push(finding);
  return loaded;
}
