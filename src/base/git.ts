/**
 * Reading manifests as they were at a git revision (`--base REF`), with the real `git` program: `rev-parse` finds
 * the repository and the commit, `ls-tree` lists the files the paths held, `cat-file --batch` reads them. Nothing
 * is checked out or stashed, and nothing in the repository is written: only read-only plumbing commands run, with
 * GIT_OPTIONAL_LOCKS=0, through execFileSync (no shell), with the revision after `--end-of-options`.
 *
 * This is the only module of stslint that starts a process (test/reliability/security.test.ts holds it to that).
 */
import type * as ChildProcess from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { MANIFEST_EXTENSIONS } from '../load/files.js';
import { UsageError } from '../util/errors.js';

/** A file as it was at the revision. */
export interface FileAtRevision {
  /** Git's name for it: `REF:path/in/repository` (what `git show` takes). */
  path: string;
  /** Where the file is in the work tree (absolute): where the same objects are expected now. */
  origin: string;
  bytes: Uint8Array;
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
  /** Path from the top of the repository, with '/'. */
  path: string;
}

/** Where a command-line path points inside its repository. */
interface Target {
  top: string;
  /** Path from the top, with '/'; '' for the whole repository. */
  path: string;
  /** For a glob: the pattern, relative to `path`. */
  glob?: string;
}

const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * The files that `paths` (files, directories or globs, as given on the command line, relative to `cwd`) held at
 * revision `ref`, chosen as a walk of the work tree would choose them: a file named explicitly whatever its
 * extension; in a directory, the .yaml, .yml and .json files outside hidden directories, node_modules and .git;
 * for a glob, the files it matches. `accept` filters by the path the file has in the work tree (ignorePatterns).
 * Symbolic links and submodules are skipped. Throws UsageError when git is missing, a path is not in a git
 * repository, or `ref` is not a commit of it.
 */
export function filesAtRevision(ref: string, paths: readonly string[], cwd: string, accept: (workTreePath: string) => boolean): FileAtRevision[] {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--base expects a git revision, got '${ref}'`);
  const commits = new Map<string, string>();
  const chosen = new Map<string, { top: string; entries: Map<string, TreeEntry> }>();
  for (const path of paths) {
    const target = targetOf(path, cwd);
    let commit = commits.get(target.top);
    if (commit === undefined) commits.set(target.top, (commit = resolveCommit(ref, target.top)));
    const repository = chosen.get(target.top) ?? { top: target.top, entries: new Map() };
    chosen.set(target.top, repository);
    for (const entry of select(listTree(target.top, commit, target.path), target)) {
      if (accept(join(target.top, entry.path))) repository.entries.set(entry.path, entry);
    }
  }
  return [...chosen.values()].flatMap(({ top, entries }) =>
    readBlobs(top, [...entries.values()]).map(({ path, bytes }) => ({ path: `${ref}:${path}`, origin: join(top, path), bytes })),
  );
}

function targetOf(path: string, cwd: string): Target {
  const absolute = resolve(cwd, path);
  const scan = picomatch.scan(path);
  const glob = !existsSync(absolute) && scan.isGlob ? scan.glob : undefined;
  const wanted = glob === undefined ? absolute : resolve(cwd, scan.base);
  // The path may be gone from the work tree: the repository is the one of its closest existing parent.
  let anchor = wanted;
  while (!existsSync(anchor) && dirname(anchor) !== anchor) anchor = dirname(anchor);
  const real = realpathSync(anchor);
  const directory = statSync(real).isDirectory() ? real : dirname(real);
  const top = repositoryTop(directory, path);
  const inRepository = relative(top, join(real, relative(anchor, wanted))).split(sep).join('/');
  if (inRepository.startsWith('../') || inRepository === '..') throw new UsageError(`--base: ${path} is outside the git repository ${top}`);
  return { top, path: inRepository, glob };
}

function repositoryTop(directory: string, path: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], directory).toString('utf8').trim();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--base: ${path} is not in a git repository (${reason(error)}); --base-files reads a base from files`);
  }
}

function resolveCommit(ref: string, top: string): string {
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top).toString('utf8').trim();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const shallow = tryGit(['rev-parse', '--is-shallow-repository'], top) === 'true';
    const hint = shallow ? ' (the clone is shallow: fetch the history, e.g. actions/checkout with fetch-depth: 0)' : '';
    throw new UsageError(`--base: '${ref}' is not a commit of the git repository ${top}${hint}`);
  }
}

/** Every file of the commit under `path` (the file itself, if `path` is one). */
function listTree(top: string, commit: string, path: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', commit];
  const output = git(path === '' ? args : [...args, '--', path], top).toString('utf8');
  return output
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, type, object, size] = record.slice(0, tab).split(/ +/);
      return { mode, type, object, size: Number(size), path: record.slice(tab + 1) };
    });
}

/** The entries a walk of `target` takes: see filesAtRevision. */
function select(entries: TreeEntry[], target: Target): TreeEntry[] {
  const files = entries.filter((entry) => entry.type === 'blob' && entry.mode !== '120000');
  const named = files.find((entry) => entry.path === target.path);
  if (named && target.glob === undefined) return [named];
  const prefix = target.path === '' ? '' : `${target.path}/`;
  const matches = target.glob === undefined ? undefined : picomatch(target.glob, { dot: true });
  return files.filter((entry) => {
    if (!entry.path.startsWith(prefix)) return false;
    const inside = entry.path.slice(prefix.length);
    if (matches) return matches(inside);
    const parts = inside.split('/');
    const hidden = parts.some((part) => part.startsWith('.'));
    const ignored = parts.slice(0, -1).some((part) => IGNORED_DIRECTORIES.has(part));
    return !hidden && !ignored && MANIFEST_EXTENSIONS.some((extension) => inside.endsWith(`.${extension}`));
  });
}

/** The contents of the entries' blobs, read in one `git cat-file --batch`. */
function readBlobs(top: string, entries: TreeEntry[]): { path: string; bytes: Uint8Array }[] {
  if (entries.length === 0) return [];
  const total = entries.reduce((sum, entry) => sum + entry.size + 100, 0);
  const output = git(['cat-file', '--batch'], top, `${entries.map((entry) => entry.object).join('\n')}\n`, total + 1024 * 1024);
  const files: { path: string; bytes: Uint8Array }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const newline = output.indexOf(10, offset);
    const [, type, size] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type !== 'blob') throw new Error(`git cat-file: unexpected answer for ${entry.object}`);
    const start = newline + 1;
    files.push({ path: entry.path, bytes: output.subarray(start, start + Number(size)) });
    offset = start + Number(size) + 1;
  }
  return files;
}

function git(args: string[], cwd: string, input?: string, maxBuffer = 64 * 1024 * 1024): Buffer {
  // Loaded here, not imported: a run without --base does not pay for loading node:child_process at start-up.
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  try {
    return execFileSync('git', ['--literal-pathspecs', ...args], {
      cwd,
      input,
      maxBuffer,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--base needs the git program, which is not on PATH');
    throw error;
  }
}

function tryGit(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** The first line git wrote to standard error, or the error's message. */
function reason(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
  return (stderr || (error as Error).message).split('\n')[0].replace(/^fatal: /, '');
}
