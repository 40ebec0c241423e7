import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../util/errors.js';
import { append } from '../util/arrays.js';

export const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'];
const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);


/**
 * Expand command-line paths into a sorted list of absolute paths to read.
 * Directories are walked for .yaml, .yml and .json; globs are expanded; a file reached twice
 * (through symbolic links) is listed once. What a walk cannot enter is listed too, so that
 * readManifest reports it: an unreadable directory, a broken link, a link looping back.
 * An explicit path that does not exist, a directory without manifests or a glob that matches nothing is a UsageError.
 */
export async function expandPaths(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) append(found, await expandPath(path, cwd));
  return onePathPerFile(found);
}

async function expandPath(path: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (!(info instanceof Error)) {
    if (!info.isDirectory()) return [absolute];
    const files = await walk(absolute, { accept: isManifestName, dot: false, depth: Infinity });
    // A gate that lints nothing must not pass silently (a wrong path in a CI job, say).
    if (files.length === 0) throw new UsageError(`No manifests (.${MANIFEST_EXTENSIONS.join(', .')}) in the directory '${path}'`);
    return files;
  }
  // Something is there but cannot be followed (a broken or looping link, a directory we may not search): say why later.
  if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') return [absolute];
  if (await lstat(absolute).then(() => true, () => false)) return [absolute];
  const pattern = picomatch.scan(path);
  if (pattern.isGlob) {
    const matches = await expandGlob(resolve(cwd, pattern.base), pattern.glob);
    if (matches.length === 0) throw new UsageError(`No files match the pattern '${path}'`);
    return matches;
  }
  throw new UsageError(`No such file or directory: ${path}`);
}

function isManifestName(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && MANIFEST_EXTENSIONS.includes(path.slice(dot + 1));
}

function expandGlob(base: string, glob: string): Promise<string[]> {
  const matches = picomatch(glob, { dot: true });
  // Without `**`, a pattern cannot match deeper than its own number of directories.
  const depth = glob.includes('**') ? Infinity : glob.split('/').length - 1;
  return walk(base, { accept: matches, dot: true, depth });
}

interface WalkOptions {
  /** Takes a file by its path relative to the walked directory. */
  accept: (relativePath: string) => boolean;
  /** Enter hidden directories and take hidden files. */
  dot: boolean;
  /** How many directory levels below the root to enter. */
  depth: number;
}

interface Directory {
  path: string;
  /** Real paths of this directory and the ones it is in: a link to one of them is a loop. */
  chain: string[];
  depth: number;
}

/** Files below `root` (no recursion), node_modules and .git skipped; directories that cannot be entered are listed. */
async function walk(root: string, options: WalkOptions): Promise<string[]> {
  const found: string[] = [];
  const stack: Directory[] = [{ path: root, chain: [await realpath(root).catch(() => root)], depth: 0 }];
  while (stack.length > 0) {
    const directory = stack.pop()!;
    const entries = await readdir(directory.path, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      found.push(directory.path);
      continue;
    }
    for (const entry of entries) {
      if (!options.dot && entry.name.startsWith('.')) continue;
      const path = join(directory.path, entry.name);
      const target = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
      if (!target?.isDirectory()) {
        if (options.accept(relative(root, path))) found.push(path);
        continue;
      }
      if (IGNORED_DIRECTORIES.has(entry.name) || directory.depth >= options.depth) continue;
      const real = entry.isSymbolicLink() ? await realpath(path).catch(() => path) : join(directory.chain.at(-1)!, entry.name);
      if (directory.chain.includes(real)) found.push(path);
      else stack.push({ path, chain: [...directory.chain, real], depth: directory.depth + 1 });
    }
  }
  return found;
}

/** Sorted, each file once: among paths to the same file (or the same link), its real path, else the first. */
async function onePathPerFile(paths: string[]): Promise<string[]> {
  const byFile = new Map<string, string>();
  for (const path of [...new Set(paths)].sort()) {
    const key = await identity(path);
    const kept = byFile.get(key);
    if (kept === undefined || (path === key && kept !== key)) byFile.set(key, path);
  }
  return [...byFile.values()].sort();
}

/** A file's real path; for anything else (a link that cannot be followed, a directory), where the entry itself really is. */
async function identity(path: string): Promise<string> {
  const isFile = await stat(path).then((info) => info.isFile(), () => false);
  if (isFile) return realpath(path).catch(() => path);
  return realpath(dirname(path)).then((directory) => join(directory, basename(path)), () => path);
}
