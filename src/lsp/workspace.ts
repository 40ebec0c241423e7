import { extname } from 'node:path';
import { ignoreMatcher, type LintOptions } from '../lint.js';
import { lintLoaded, type LintRun } from '../linter/linter.js';
import { expandPaths, MANIFEST_EXTENSIONS } from '../load/files.js';
import { loadFiles } from '../load/parse-files.js';
import { readManifest } from '../load/read.js';
import { loadSource, type LoadedSource } from '../load/source.js';
import { resolveOptions, type ResolvedOptions } from '../options.js';
import { UsageError } from '../util/errors.js';

/** An open editor buffer: its text, parsed once per change as a linted source and, when another buffer needs it, as context. */
interface Buffer {
  text: string;
  linted?: LoadedSource;
  context?: LoadedSource;
}

/**
 * The manifests of a workspace for an editor: every manifest under the root, parsed once and kept as context for
 * cross-file rules (re-read only when the file changes on disk), the open buffers (whose text wins over the file
 * on disk), and the workspace's config file. Linting a buffer parses nothing but that buffer.
 */
export class Workspace {
  private options: ResolvedOptions;
  /** Why the config file could not be used (it is then ignored), for the client to show. */
  configProblem: string | undefined;
  private readonly onDisk = new Map<string, LoadedSource>();
  private readonly buffers = new Map<string, Buffer>();

  /** `root`: the workspace folder (absolute), or undefined for single files. */
  constructor(readonly root: string | undefined) {
    this.options = this.resolve();
  }

  /** Read the config file again (it changed); returns why it is unusable, if it is. */
  reloadConfig(): string | undefined {
    this.options = this.resolve();
    return this.configProblem;
  }

  /** Read every manifest under the root (ignorePatterns honoured); unreadable files are skipped. */
  async scan(): Promise<number> {
    if (!this.root) return 0;
    const files = await expandPaths([this.root], this.root).then((expansion) => expansion.files, () => [] as string[]);
    const ignored = ignoreMatcher(this.options.lint.ignore);
    const toLoad = files.filter((file) => !ignored(file)).map((path) => ({ path, contextOnly: true }));
    const outcomes = await loadFiles(toLoad, { maxBytes: this.options.lint.maxFileBytes, namespace: this.options.lint.namespace });
    for (const outcome of outcomes) if ('loaded' in outcome) this.onDisk.set(outcome.loaded.source.path, outcome.loaded);
    return this.onDisk.size;
  }

  /** A file changed, was created or deleted on disk: read it again (or forget it). */
  async fileChanged(path: string, deleted: boolean): Promise<void> {
    if (deleted) this.onDisk.delete(path);
    else if (MANIFEST_EXTENSIONS.includes(extname(path).slice(1))) await this.readFile(path);
  }

  open(path: string, text: string): void {
    this.buffers.set(path, { text });
  }

  change(path: string, text: string): void {
    this.buffers.set(path, { text });
  }

  close(path: string): void {
    this.buffers.delete(path);
  }

  openPaths(): string[] {
    return [...this.buffers.keys()];
  }

  /**
   * Lint an open buffer with the workspace's options: the buffer is the linted source, every other manifest (open
   * buffers first, else the file on disk) is context. Throws UsageError for invalid rule options in the config.
   */
  lint(path: string, extra: Partial<LintOptions> = {}): LintRun | undefined {
    const buffer = this.buffers.get(path);
    if (!buffer) return undefined;
    buffer.linted ??= loadSource(path, buffer.text, { namespace: this.options.lint.namespace });
    return this.lintWith(path, buffer.linted, extra);
  }

  /** The text of an open buffer. */
  text(path: string): string | undefined {
    return this.buffers.get(path)?.text;
  }

  /** Lint other text in place of an open buffer's (to try a change), with the same context. */
  lintText(path: string, text: string): LintRun {
    return this.lintWith(path, loadSource(path, text, { namespace: this.options.lint.namespace }), {});
  }

  private lintWith(path: string, linted: LoadedSource, extra: Partial<LintOptions>): LintRun {
    const context: LoadedSource[] = [];
    for (const [other, otherBuffer] of this.buffers) {
      if (other === path) continue;
      otherBuffer.context ??= loadSource(other, otherBuffer.text, { contextOnly: true, namespace: this.options.lint.namespace });
      context.push(otherBuffer.context);
    }
    for (const [file, loaded] of this.onDisk) if (!this.buffers.has(file)) context.push(loaded);
    return lintLoaded([linted, ...context], { ...this.options.lint, contextFindings: false, ...extra });
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
