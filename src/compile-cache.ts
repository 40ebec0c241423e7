/**
 * Start-up: load a CommonJS bundle with a V8 code cache, so that a later run skips compiling what an earlier run
 * compiled (the CLI bundle is 0.75 MB: about 25 ms of CPU per run on the 2-core VM of BENCHMARKS.md). Node 22's
 * `module.enableCompileCache()` does this for every module; Node 20 has no such option, so the bundle is compiled
 * here with `vm.Script` and its `cachedData`.
 *
 * The cache is one file per bundle (by its directory), Node version and bundle build, in
 * `stslint-compile-cache-<uid>` under the temporary directory, as Node 22 keeps its own cache there. It is used only when that directory is this user's
 * own and writable by no one else; it is written, once, on exit of a run that found none (or one V8 rejected: other
 * V8 flags, another Node). V8 checks the cache against the source and its own version and flags, and compiles
 * afresh when they differ. `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch) turns it off. Nothing here can fail
 * a run: a cache that cannot be read or written is skipped.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Run the CommonJS module at `url` (a file URL) and return its exports, compiled with the code cache when there is
 * a usable one. Throws what reading or running the module throws.
 */
export function loadCompiled(url: URL): Record<string, unknown> {
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const cacheFile = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFileFor(file);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // import() cannot run in code compiled by vm.Script (V8 drops the callback with a code cache): importModule below
  // calls the one of this module instead, which Node loaded as any module.
  (globalThis as ImportHook)[IMPORT] ??= (specifier) => import(specifier);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) toWrite(cacheFile, script);
  return module.exports;
}

const IMPORT = Symbol.for('stslint.import');
type ImportHook = { [IMPORT]?: (specifier: string) => Promise<unknown> };

/**
 * `import(specifier)` (a file URL or a package name), from wherever stslint's code runs: in a bundle loaded by
 * loadCompiled, through the hook loadCompiled set up. Throws (rejects) as import() does.
 */
export function importModule(specifier: string): Promise<unknown> {
  const hook = (globalThis as ImportHook)[IMPORT];
  return hook ? hook(specifier) : import(specifier);
}

/** Caches to write on exit (so that the functions the run compiled lazily are in them too): one exit listener. */
let pending: [cacheFile: string, script: Script][] | undefined;

function toWrite(cacheFile: string, script: Script): void {
  if (!pending) {
    pending = [];
    process.once('exit', () => {
      for (const [file, compiled] of pending!) writeCache(file, compiled);
    });
  }
  pending.push([cacheFile, script]);
}

/** The cache file of this bundle build under this Node; undefined when the cache directory is not safe to use. */
function cacheFileFor(file: string): string | undefined {
  try {
    const uid = process.getuid?.();
    const directory = join(tmpdir(), `stslint-compile-cache-${uid ?? 'user'}`);
    // lstat first: mkdir of an existing directory can take tens of milliseconds in a crowded temporary directory.
    const info = lstatSync(directory, { throwIfNoEntry: false }) ?? (mkdirSync(directory, { mode: 0o700 }), lstatSync(directory));
    // Another user's directory, or one others may write to, could hold code V8 would run.
    if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (info.mode & 0o022) !== 0) return undefined;
    const { size, mtimeMs } = statSync(file);
    // The bundle's directory is in the name: two installs of stslint keep a cache each.
    return join(directory, `${basename(file)}-${hash(dirname(file))}-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.cache`);
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits, in hexadecimal: a short name for a directory (node:crypto would cost start-up time). */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return (value >>> 0).toString(16);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Write the cache through a temporary file and a rename, so that a run starting meanwhile never reads half of it;
 * remove the caches of earlier builds of the same bundle (same file, same Node).
 */
function writeCache(cacheFile: string, script: Script): void {
  try {
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
    const directory = dirname(cacheFile);
    const build = basename(cacheFile).replace(/-\d+-\d+\.cache$/, '-');
    for (const name of readdirSync(directory)) {
      if (name.startsWith(build) && name.endsWith('.cache') && name !== basename(cacheFile)) rmSync(join(directory, name), { force: true });
    }
  } catch {
    // No cache this time.
  }
}
