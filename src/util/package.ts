import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What stslint reads of its own package.json. */
export interface PackageInfo {
  /** The package directory (absolute, with a trailing separator): dist/schemas/ and package.json are found from it. */
  root: string;
  version: string;
  /** The repository's web address, e.g. https://github.com/stslint/stslint */
  repository: string;
}

/**
 * stslint's own package, found upward from this module, wherever the build put it (src/util/ when tests run the
 * sources, dist/src/util/ from tsc, dist/src/ in the esbuild bundle). Throws when no package.json named stslint
 * is above it (a broken install).
 */
export const PACKAGE: PackageInfo = readPackageInfo();

/** A file of the package, by its path from the package root ('dist/schemas/index.json'). */
export function packagePath(path: string): string {
  return `${PACKAGE.root}${path}`;
}

function readPackageInfo(): PackageInfo {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const json = readJson(new URL('package.json', dir));
    if (json?.name === 'stslint') {
      const url = String(json.repository?.url ?? json.repository ?? '');
      return { root: fileURLToPath(dir), version: String(json.version), repository: url.replace(/^git\+/, '').replace(/\.git$/, '') };
    }
    if (new URL('..', dir).href === dir.href) throw new Error("stslint's package.json not found");
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readJson(file: URL): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
