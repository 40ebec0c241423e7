import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../util/errors.js';
import { byCodeUnits } from '../util/compare.js';
import { bounded } from '../util/sanitize.js';
import { globMatcher } from './glob.js';
import { nonUtf8Entry } from './read.js';

export const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'];
const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Glob patterns (relative to `base`) of files not to lint: a config file's `ignorePatterns`. */
export interface IgnoreOption {
  base: string;
  patterns: readonly string[];
  /** Where the patterns come from (the config file), for messages. */
  source?: string;
}

/** What command-line paths name. */
export interface Expansion {
  /** Absolute paths to read, sorted by code units, each file once. */
  files: string[];
  /** Files named explicitly but matched by an ignore pattern (not linted). */
  ignored: string[];
  /** Symbolic links to directories outside the directory being walked (not followed). */
  linksNotFollowed: string[];
}

interface Found {
  /** The path as it will be shown. */
  path: string;
  /** What it really is: the file's real path, or where an entry that cannot be followed really is. */
  key: string;
}

/**
 * Expand command-line paths: files as given, directories walked for .yaml, .yml and .json, globs expanded; then
 * ignore patterns applied. A file reached twice (through links, or two paths) is listed once, under its real path
 * when that is among them. What a walk cannot enter is listed too, so that readManifest reports it: an unreadable
 * directory, a broken link, a link to itself, a name that is not UTF-8.
 *
 * Symbolic links to directories are not entered by a walk (as ESLint 9): a link to a directory inside the walked
 * directory adds nothing (its files are found under their own path), and one to a directory outside it (`/`, a
 * shared tree) is listed in `linksNotFollowed`; name the link to lint what it points to. So each real directory is
 * walked once, and links cannot make a walk loop or fan out.
 *
 * Throws UsageError for an explicit path that does not exist, a directory without manifests, a glob that matches
 * nothing, a directory or glob whose files are all ignored, and an ignore pattern stslint does not support.
 */
export async function expandPaths(paths: readonly string[], cwd = process.cwd(), ignore?: IgnoreOption): Promise<Expansion> {
  const isIgnored = ignoreMatcher(ignore);
  const expansion: Expansion = { files: [], ignored: [], linksNotFollowed: [] };
  const found: Found[] = [];
  for (const path of paths) {
    const { files, walked } = await expandPath(path, cwd, expansion.linksNotFollowed);
    const kept = files.filter((file) => !isIgnored(file.path));
    if (!walked && kept.length === 0) expansion.ignored.push(files[0].path);
    // A gate that lints nothing must not pass silently (as ESLint: "All files matched by … are ignored").
    if (walked && kept.length === 0) throw new UsageError(`All files matched by '${bounded(path)}' are ignored by ignorePatterns in ${ignore?.source ?? 'the config'}`);
    for (const file of kept) found.push(file);
  }
  expansion.files = onePathPerFile(found);
  return expansion;
}

async function expandPath(path: string, cwd: string, linksNotFollowed: string[]): Promise<{ files: Found[]; walked: boolean }> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (!(info instanceof Error)) {
    if (!info.isDirectory()) return { files: [{ path: absolute, key: await realpath(absolute).catch(() => absolute) }], walked: false };
    const files = await walk(absolute, { accept: isManifestName, dot: false, depth: Infinity }, linksNotFollowed);
    if (files.length === 0) throw new UsageError(`No manifests (.${MANIFEST_EXTENSIONS.join(', .')}) in the directory '${bounded(path)}'`);
    return { files, walked: true };
  }
  // Something is there but cannot be followed (a broken or looping link, a directory we may not search), or its
  // name is not UTF-8: readManifest says why.
  const explicit = { files: [{ path: absolute, key: await entryPath(absolute) }], walked: false };
  if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') return explicit;
  if (await lstat(absolute).then(() => true, () => false)) return explicit;
  if (absolute.includes('\uFFFD') && (await nonUtf8Entry(absolute))) return explicit;
  const pattern = picomatch.scan(path);
  if (pattern.isGlob) {
    const matches = await expandGlob(resolve(cwd, pattern.base), pattern.glob, linksNotFollowed);
    if (matches.length === 0) throw new UsageError(`No files match the pattern '${bounded(path)}'`);
    return { files: matches, walked: true };
  }
  throw new UsageError(`No such file or directory: ${bounded(path)}`);
}

function isManifestName(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && MANIFEST_EXTENSIONS.includes(path.slice(dot + 1));
}

function expandGlob(base: string, glob: string, linksNotFollowed: string[]): Promise<Found[]> {
  const matches = globMatcher([glob], 'pattern');
  // Without `**`, a pattern cannot match deeper than its own number of directories.
  const depth = glob.includes('**') ? Infinity : glob.split('/').length - 1;
  return walk(base, { accept: matches, dot: true, depth }, linksNotFollowed);
}

/** Whether a file (an absolute path) is ignored by the patterns; throws UsageError for a pattern stslint does not support. */
export function ignoreMatcher(ignore: IgnoreOption | undefined): (file: string) => boolean {
  if (!ignore || ignore.patterns.length === 0) return () => false;
  const matches = globMatcher(ignore.patterns, `ignorePatterns in ${ignore.source ?? 'the config'}`);
  return (file) => {
    const path = relative(ignore.base, file).split(sep).join('/');
    return !path.startsWith('../') && matches(path);
  };
}

interface WalkOptions {
  /** Takes a file by its path relative to the walked directory, with `/` separators. */
  accept: (relativePath: string) => boolean;
  /** Enter hidden directories and take hidden files. */
  dot: boolean;
  /** How many directory levels below the root to enter. */
  depth: number;
}

interface Directory {
  path: string;
  /** Its real path. */
  real: string;
  /** Its path relative to the root, with `/` separators and a trailing `/` ('' for the root). */
  relative: string;
  depth: number;
}

/** Files below `root` (no recursion), node_modules and .git skipped; directories that cannot be entered are listed. */
async function walk(root: string, options: WalkOptions, linksNotFollowed: string[]): Promise<Found[]> {
  const found: Found[] = [];
  const realRoot = await realpath(root).catch(() => root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  const stack: Directory[] = [{ path: root, real: realRoot, relative: '', depth: 0 }];
  while (stack.length > 0) {
    const directory = stack.pop()!;
    // Names as bytes: a name that is not UTF-8 is listed (and reported by readManifest), not lost.
    const entries = (await readdir(directory.path, { withFileTypes: true, encoding: 'buffer' }).catch(() => undefined)) as Dirent<Buffer>[] | undefined;
    if (!entries) {
      found.push({ path: directory.path, key: directory.real });
      continue;
    }
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      if (!options.dot && name.startsWith('.')) continue;
      const path = join(directory.path, name);
      const link = entry.isSymbolicLink() ? await linkTarget(path) : undefined;
      if (link?.isDirectory) {
        if (!inside(link.real)) linksNotFollowed.push(path);
        continue;
      }
      if (!entry.isDirectory()) {
        if (options.accept(directory.relative + name)) found.push({ path, key: link?.real ?? join(directory.real, name) });
        continue;
      }
      if (IGNORED_DIRECTORIES.has(name) || directory.depth >= options.depth) continue;
      stack.push({ path, real: join(directory.real, name), relative: `${directory.relative}${name}/`, depth: directory.depth + 1 });
    }
  }
  return found;
}

/** Where a symbolic link leads: its real path, and whether that is a directory (false when it cannot be followed). */
async function linkTarget(path: string): Promise<{ real: string; isDirectory: boolean }> {
  const isDirectory = await stat(path).then((info) => info.isDirectory(), () => false);
  return { real: await realpath(path).catch(() => path), isDirectory };
}

/** Where an entry really is: its directory's real path and its own name (for entries that cannot be followed). */
function entryPath(path: string): Promise<string> {
  return realpath(dirname(path)).then((directory) => join(directory, basename(path)), () => path);
}

/** Sorted by code units, each file once: among paths to the same file, its real path, else the first. */
function onePathPerFile(found: readonly Found[]): string[] {
  const byFile = new Map<string, string>();
  for (const { path, key } of [...found].sort((a, b) => byCodeUnits(a.path, b.path))) {
    const kept = byFile.get(key);
    if (kept === undefined || (path === key && kept !== key)) byFile.set(key, path);
  }
  return [...byFile.values()].sort();
}
