import { extname } from 'node:path';
import { ResourceIndex } from '../k8s/resource-index.js';
import { ignoreMatcher, type LintOptions } from '../lint.js';
import { lintIndexed, lintLoaded, type LintRun } from '../linter/linter.js';
import { expandPaths, MANIFEST_EXTENSIONS } from '../load/files.js';
import { loadFiles } from '../load/parse-files.js';
import { readManifest } from '../load/read.js';
import { loadSource, type LoadedSource } from '../load/source.js';
import { resolveOptions, type ResolvedOptions } from '../options.js';
import { DEFAULT_KUBERNETES_VERSION } from '../schema/versions.js';
import { UsageError } from '../util/errors.js';
import { loadDocuments, type Pieces } from './documents.js';
import { LayeredIndex } from './layered-index.js';

/** An open editor buffer: its text, and what its last load made of it (kept until the text changes). */
interface Buffer {
  text: string;
  linted?: LoadedSource;
  /** The same objects as context for the other buffers. */
  context?: LoadedSource;
  /** The documents of the last load, each loaded alone: a change parses only the documents it touched. */
  pieces: Pieces;
}

/**
 * The manifests of a workspace for an editor: every manifest under the root (ignorePatterns honoured), parsed once
 * and kept as context for cross-file rules (read again only when the file changes on disk), the open buffers (whose
 * text wins over the file on disk), and the workspace's config file.
 *
 * A buffer is linted as `stslint <file> --context <root>` lints it without context findings (the editor shows the
 * buffer's own findings): the buffer's objects first, then every other manifest's in the order the CLI reads them.
 * Between keystrokes the index of the context objects is kept (LayeredIndex puts the buffer's objects in front of
 * it), and the buffer's documents that did not change are not parsed again (documents.ts).
 */
export class Workspace {
  private options: ResolvedOptions;
  /** Why the config file could not be used (it is then ignored), for the client to show. */
  configProblem: string | undefined;
  /** The manifests on disk, by path, in the order the CLI reads them (code units). */
  private onDisk = new Map<string, LoadedSource>();
  private readonly buffers = new Map<string, Buffer>();
  /** Every context object (open buffers' texts in place of their files), indexed; rebuilt when needed after a change. */
  private contextIndex: ResourceIndex | undefined;
  /** The files whose objects in `contextIndex` are out of date. */
  private readonly stale = new Set<string>();

  /** `root`: the workspace folder (absolute), or undefined for single files. */
  constructor(readonly root: string | undefined) {
    this.options = this.resolve();
  }

  /** Read the config file again (it changed) and, with its options (ignorePatterns, namespace), every manifest; returns why it is unusable, if it is. */
  async reloadConfig(): Promise<string | undefined> {
    this.options = this.resolve();
    for (const buffer of this.buffers.values()) Object.assign(buffer, { linted: undefined, context: undefined, pieces: new Map() });
    await this.scan();
    return this.configProblem;
  }

  /** Read every manifest under the root (ignorePatterns honoured); unreadable files are skipped. Returns how many were read. */
  async scan(): Promise<number> {
    const onDisk = new Map<string, LoadedSource>();
    if (this.root) {
      const files = await expandPaths([this.root], this.root).then((expansion) => expansion.files, () => [] as string[]);
      const ignored = ignoreMatcher(this.options.lint.ignore);
      const toLoad = files.filter((file) => !ignored(file)).map((path) => ({ path, contextOnly: true }));
      const outcomes = await loadFiles(toLoad, { maxBytes: this.options.lint.maxFileBytes, namespace: this.options.lint.namespace });
      for (const outcome of outcomes) if ('loaded' in outcome) onDisk.set(outcome.loaded.source.path, outcome.loaded);
    }
    // Swapped in whole: buffers linted meanwhile keep the previous context.
    this.onDisk = onDisk;
    this.contextIndex = undefined;
    return onDisk.size;
  }

  /** A file changed, was created or deleted on disk: read it again (or forget it). */
  async fileChanged(path: string, deleted: boolean): Promise<void> {
    if (deleted) this.onDisk.delete(path);
    else if (MANIFEST_EXTENSIONS.includes(extname(path).slice(1)) && !ignoreMatcher(this.options.lint.ignore)(path)) await this.readFile(path);
    this.stale.add(path);
  }

  open(path: string, text: string): void {
    this.buffers.set(path, { text, pieces: new Map() });
    this.stale.add(path);
  }

  change(path: string, text: string): void {
    const buffer = this.buffers.get(path);
    if (buffer) Object.assign(buffer, { text, linted: undefined, context: undefined });
    else this.open(path, text);
    this.stale.add(path);
  }

  close(path: string): void {
    this.buffers.delete(path);
    this.stale.add(path);
  }

  /**
   * Lint an open buffer with the workspace's options: the buffer is the linted source, every other manifest (an
   * open buffer's text, else the file on disk) is context. Throws UsageError for invalid rule options in the config.
   */
  lint(path: string, extra: Partial<LintOptions> = {}): LintRun | undefined {
    const buffer = this.buffers.get(path);
    if (!buffer) return undefined;
    buffer.linted ??= this.load(path, buffer);
    return this.lintWith(path, buffer.linted, extra);
  }

  /** The text of an open buffer. */
  text(path: string): string | undefined {
    return this.buffers.get(path)?.text;
  }

  /** Lint other text in place of an open buffer's (to try a change), with the same context. */
  lintText(path: string, text: string): LintRun {
    const buffer = this.buffers.get(path);
    const loaded = loadDocuments(path, text, { namespace: this.options.lint.namespace }, buffer?.pieces ?? new Map()).loaded;
    return this.lintWith(path, loaded, {});
  }

  private load(path: string, buffer: Buffer): LoadedSource {
    const { loaded, pieces } = loadDocuments(path, buffer.text, { namespace: this.options.lint.namespace }, buffer.pieces);
    buffer.pieces = pieces;
    return loaded;
  }

  private lintWith(path: string, linted: LoadedSource, extra: Partial<LintOptions>): LintRun {
    const options = { ...this.options.lint, ...extra, contextFindings: false };
    // A base is compared object by object with the whole run: such runs are not layered.
    if (options.base !== undefined) return lintLoaded([linted, ...this.contextSources().filter((source) => source.source.path !== path)], options);
    return lintIndexed([linted], new LayeredIndex(linted.resources, this.indexFor(path), path), options);
  }

  /** The index of every context object, rebuilt when a file other than `path` changed since it was built. */
  private indexFor(path: string): ResourceIndex {
    if (!this.contextIndex || [...this.stale].some((file) => file !== path)) {
      this.contextIndex = new ResourceIndex(this.contextSources().flatMap((source) => source.resources), undefined, this.options.lint.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
      this.stale.clear();
    }
    // The buffer's own file may be out of date in it: LayeredIndex leaves that file out.
    return this.contextIndex;
  }

  /** Every manifest as context, in the CLI's order (code units of the path): an open buffer's text, else the file on disk. */
  private contextSources(): LoadedSource[] {
    const paths = [...new Set([...this.onDisk.keys(), ...this.buffers.keys()])].sort();
    return paths.map((path) => {
      const buffer = this.buffers.get(path);
      if (!buffer) return this.onDisk.get(path)!;
      buffer.linted ??= this.load(path, buffer);
      buffer.context ??= asContext(buffer.linted);
      return buffer.context;
    });
  }

  private async readFile(file: string): Promise<void> {
    const read = await readManifest(file, this.options.lint.maxFileBytes);
    if ('text' in read) this.onDisk.set(file, loadSource(file, read.text, { contextOnly: true, namespace: this.options.lint.namespace }));
    else this.onDisk.delete(file);
  }

  private resolve(): ResolvedOptions {
    this.configProblem = undefined;
    const cwd = this.root ?? process.cwd();
    try {
      return resolveOptions({ config: this.root ? undefined : false }, cwd, (setting) => setting);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      this.configProblem = error.message;
      return resolveOptions({ config: false }, cwd, (setting) => setting);
    }
  }
}

/** A buffer's loaded source as context for the other buffers: the same objects, marked context, without findings. */
function asContext(loaded: LoadedSource): LoadedSource {
  const source = { ...loaded.source, contextOnly: true };
  return { ...loaded, source, findings: [], resources: loaded.resources.map((resource) => ({ ...resource, source })) };
}
