import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { fileFinding } from './load.js';
import type { Finding } from './types.js';

export const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'];
const IGNORED_DIRECTORIES = ['**/node_modules/**', '**/.git/**'];
/** Files larger than this are refused with a finding instead of being parsed. */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

/** A usage problem: the CLI prints it on one line and exits 2. */
export class UsageError extends Error {}

/**
 * Expand command-line paths into a sorted list of absolute file paths.
 * Directories are walked for .yaml, .yml and .json; globs are expanded;
 * an explicit path that does not exist, or a glob that matches nothing, is a UsageError.
 */
export async function expandPaths(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    for (const file of await expandPath(path, cwd)) files.add(file);
  }
  return [...files].sort();
}

async function expandPath(path: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) {
    return glob(`**/*.{${MANIFEST_EXTENSIONS.join(',')}}`, {
      cwd: absolute,
      absolute: true,
      dot: false, // like ESLint: hidden files and directories (.stslint.yaml, .github/) are not walked
      ignore: IGNORED_DIRECTORIES,
      followSymbolicLinks: true,
    });
  }
  if (info) return [absolute];
  if (isDynamicPattern(path)) {
    const matches = await glob(path, { cwd, absolute: true, dot: true, ignore: IGNORED_DIRECTORIES });
    if (matches.length === 0) throw new UsageError(`No files match the pattern '${path}'`);
    return matches;
  }
  throw new UsageError(`No such file or directory: ${path}`);
}

export type ReadResult = { text: string } | { finding: Finding };

/** Read a file as UTF-8 text; anything that is not readable text becomes a finding. */
export async function readManifest(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { finding: fileFinding(path, 'yaml-syntax', 'Path is a directory, not a file') };
    if (info.size > maxBytes) {
      return {
        finding: fileFinding(path, 'yaml-syntax', `File not read: ${info.size} bytes is over the limit of ${maxBytes}`),
      };
    }
    return decodeManifest(path, await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { finding: fileFinding(path, 'yaml-syntax', `File not read: ${code} ${(error as Error).message}`.trim()) };
  }
}

export function decodeManifest(path: string, bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) {
    return { finding: fileFinding(path, 'yaml-syntax', 'File contains NUL bytes: it is binary, not YAML text') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { finding: fileFinding(path, 'yaml-syntax', 'File is not valid UTF-8 text') };
  }
}
