import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCompiled } from '../compile-cache.js';

/** What stslint reads of its own package.json. */
export interface PackageInfo {
  /**
   * The package directory (absolute, with a trailing separator): dist/schemas/ and package.json are found from it.
   * In the single executable, the executable's directory (its package files are embedded).
   */
  root: string;
  version: string;
  /** The repository's web address, e.g. https://github.com/stslint/stslint */
  repository: string;
}

/**
 * What a self-contained build carries in itself instead of finding it in an installed package: a module that esbuild
 * injects first (scripts/embedded-ajv.mjs for standalone/, scripts/embedded-sea.mjs for the single executable) sets
 * `globalThis.stslintEmbedded` before any of stslint's modules runs. The npm package and the sources have none.
 */
export interface Embedded {
  /** ajv's module, bundled into the build: loaded on first call. */
  ajv(): unknown;
  /** re2js's module (RE2 patterns of CRD schemas), bundled into the build: loaded on first call. */
  re2js(): unknown;
  /**
   * A package file by its path from the package root ('package.json', 'dist/schemas/1.36/apps_v1.cjs'): parsed
   * JSON for .json files, the module's exports for .cjs. Only the single executable has it (its files are SEA
   * assets); the bundles in standalone/ find their files on disk like the package does. Throws when not embedded.
   */
  file?(path: string): unknown;
}

const EMBEDDED = (globalThis as { stslintEmbedded?: Embedded }).stslintEmbedded;
const require = createRequire(import.meta.url);

/**
 * stslint's own package, found upward from this module, wherever the build put it (src/util/ when tests run the
 * sources, dist/src/util/ from tsc, dist/src/ in the esbuild bundle, standalone/ beside its own package.json), or
 * the single executable's embedded package.json. Throws when no package.json named stslint
 * is above it (a broken install).
 */
export const PACKAGE: PackageInfo = readPackageInfo();

/**
 * A file of the package by its path from the package root ('dist/schemas/index.json'): parsed JSON for .json files,
 * the module's exports for .cjs (compiled with the code cache of src/compile-cache.ts), each read once. Throws when
 * it is missing (code MODULE_NOT_FOUND for .json, ENOENT for .cjs).
 */
export function loadPackageFile(path: string): unknown {
  if (EMBEDDED?.file) return EMBEDDED.file(path);
  if (!path.endsWith('.cjs')) return require(`${PACKAGE.root}${path}`);
  // Compiled schema modules (up to 0.5 MB each): compiled with the code cache of src/compile-cache.ts.
  let loaded = compiledModules.get(path);
  if (!loaded) {
    loaded = loadCompiled(pathToFileURL(`${PACKAGE.root}${path}`));
    compiledModules.set(path, loaded);
  }
  return loaded;
}

const compiledModules = new Map<string, unknown>();

/** ajv's module: the bundled copy in a self-contained build, else ajv installed beside stslint. */
export function loadAjv(): unknown {
  return EMBEDDED ? EMBEDDED.ajv() : require('ajv');
}

/** re2js's module: the bundled copy in a self-contained build, else re2js installed beside stslint. */
export function loadRe2js(): unknown {
  return EMBEDDED ? EMBEDDED.re2js() : require('re2js');
}

function readPackageInfo(): PackageInfo {
  if (EMBEDDED?.file) return packageInfo(EMBEDDED.file('package.json'), new URL('.', import.meta.url));
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const json = readJson(new URL('package.json', dir));
    if (json?.name === 'stslint') return packageInfo(json, dir);
    if (new URL('..', dir).href === dir.href) throw new Error("stslint's package.json not found");
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function packageInfo(json: any, dir: URL): PackageInfo {
  const url = String(json.repository?.url ?? json.repository ?? '');
  return { root: fileURLToPath(dir), version: String(json.version), repository: url.replace(/^git\+/, '').replace(/\.git$/, '') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readJson(file: URL): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
