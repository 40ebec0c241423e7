import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { fileFinding } from './source.js';
import type { Finding } from '../types.js';

export const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'];
const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);
/** Files larger than this are refused with a finding instead of being parsed. */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

/** A usage problem: the CLI prints it on one line and exits 2. */
export class UsageError extends Error {}

/**
 * Expand command-line paths into a sorted list of absolute paths to read.
 * Directories are walked for .yaml, .yml and .json; globs are expanded; a file reached twice
 * (through symbolic links) is listed once. What a walk cannot enter is listed too, so that
 * readManifest reports it: an unreadable directory, a broken link, a link looping back.
 * An explicit path that does not exist, a directory without manifests or a glob that matches nothing is a UsageError.
 */
export async function expandPaths(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) found.push(...(await expandPath(path, cwd)));
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

export type ReadResult = { text: string } | { finding: Finding };

/** Read a file as UTF-8 text; anything that is not readable text becomes a finding saying why. */
export async function readManifest(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refused(path, await whyNotOpened(path, error as NodeJS.ErrnoException));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refused(path, await whyDirectory(path));
    if (!info.isFile()) return refused(path, `Not a regular file (${fileType(info)}): not read`);
    if (info.size > maxBytes) return refused(path, tooLarge(info.size, maxBytes));
    return decodeManifest(path, await readBytes(handle, info.size), maxBytes);
  } catch (error) {
    return refused(path, describeError('File not read', error as NodeJS.ErrnoException));
  } finally {
    await handle.close();
  }
}

function refused(path: string, message: string): ReadResult {
  return { finding: fileFinding(path, 'yaml-syntax', message) };
}

function tooLarge(size: number, maxBytes: number): string {
  return `File not read: ${size} bytes is over the limit of ${maxBytes} bytes (--max-file-size)`;
}

async function readBytes(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = Buffer.alloc(size);
  let length = 0;
  while (length < size) {
    const { bytesRead } = await handle.read(bytes, length, size - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return bytes.subarray(0, length);
}

async function whyNotOpened(path: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code === 'ENOENT') {
    const target = await readlink(path).catch(() => undefined);
    if (target !== undefined) return `Broken symbolic link: its target '${target}' does not exist`;
    return 'File not found: it was removed before it could be read';
  }
  if (error.code === 'ELOOP') return 'Symbolic link loop: the link leads back to itself; not read';
  if (error.code === 'ENXIO') return 'Not a regular file (socket): not read';
  const isDirectory = await stat(path).then((info) => info.isDirectory(), () => false);
  if (isDirectory) return `${describeError('Directory not read', error)}; the files in it were not linted`;
  return describeError('File not read', error);
}

async function whyDirectory(path: string): Promise<string> {
  const unreadable = await readdir(path).then(() => undefined, (error: NodeJS.ErrnoException) => error);
  if (unreadable) return `${describeError('Directory not read', unreadable)}; the files in it were not linted`;
  if ((await lstat(path)).isSymbolicLink()) {
    return `Symbolic link loop: the link leads back to '${await realpath(path)}', a directory it is in; not followed`;
  }
  return 'Path is a directory, not a file';
}

function describeError(what: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return `${what}: permission denied`;
  return `${what}: ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim();
}

function fileType(info: Stats): string {
  if (info.isFIFO()) return 'named pipe';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/** Decode bytes (a file, or standard input) as UTF-8 text; binary, UTF-16 or invalid bytes become a finding at the first bad character. */
export function decodeManifest(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  if (bytes.length > maxBytes) return refused(path, tooLarge(bytes.length, maxBytes));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refused(path, 'File is UTF-16 text (it starts with a UTF-16 byte-order mark); only UTF-8 is read');
  }
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8: reported below, where the first bad byte is.
    }
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const [message, bad] = hasNul
    ? ['File contains NUL bytes: it is binary, not YAML text', '\u0000']
    : ['File is not valid UTF-8 text', '\uFFFD'];
  return { finding: { ...fileFinding(path, 'yaml-syntax', message), ...positionOf(lenient, lenient.indexOf(bad)) } };
}

function positionOf(text: string, index: number) {
  if (index < 0) return {};
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < index; newline = text.indexOf('\n', newline + 1)) line++;
  const column = index - lineStart + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}
