import { readFileSync } from 'node:fs';

interface PackageInfo {
  version: string;
  /** The repository's web address, e.g. https://github.com/stslint/stslint */
  repository: string;
}

/** stslint's own package.json, found upward from this module (src/formatters/ or dist/src/formatters/). */
export const PACKAGE: PackageInfo = readPackageInfo();

/** Where a rule's documentation lives: rules/<id>/README.md in the repository. */
export function ruleDocsUrl(ruleId: string): string {
  return `${PACKAGE.repository}/blob/main/rules/${ruleId}/README.md`;
}

function readPackageInfo(): PackageInfo {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const json = readJson(new URL('package.json', dir));
    if (json?.name === 'stslint') {
      const url = String(json.repository?.url ?? json.repository ?? '');
      return { version: String(json.version), repository: url.replace(/^git\+/, '').replace(/\.git$/, '') };
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
