import { bounded } from '../util/sanitize.js';
import { compareVersions } from '../k8s/api-versions.js';
import { loadIndex } from './bundle.js';

const bundledFor = new Map<string, string>();
const newerFor = new Map<string, string | null>();

/** The Kubernetes versions whose schemas are bundled, oldest first ('1.25', ..., '1.36'). */
export function bundledVersions(): string[] {
  return Object.keys(loadIndex()).sort(compareVersions);
}

/** The newest Kubernetes version whose schemas are bundled: the default target. */
export const DEFAULT_KUBERNETES_VERSION = bundledVersions().at(-1)!;

/**
 * Why stslint cannot target this Kubernetes version (`--kubernetes-version`, `kubernetesVersion`), or undefined
 * when it can: any 1.x from the oldest to the newest bundled version, written `1.29`, `v1.29` or `1.29.3`.
 */
export function unsupportedVersion(kubernetesVersion: string): string | undefined {
  const versions = bundledVersions();
  const minor = /^v?(\d+\.\d+)(?:\.\d+)?$/.exec(kubernetesVersion.trim())?.[1];
  const supported = minor && compareVersions(minor, versions[0]) >= 0 && compareVersions(minor, versions.at(-1)!) <= 0;
  if (supported) return undefined;
  return `Unsupported Kubernetes version '${bounded(kubernetesVersion)}': stslint supports ${versions[0]} to ${versions.at(-1)} (bundled schemas: ${versions.join(', ')}; a version in between uses the nearest older one)`;
}

/** The bundled schema version for a target Kubernetes version: the same, else the nearest older, else the oldest. */
export function bundledVersion(kubernetesVersion: string): string {
  let bundled = bundledFor.get(kubernetesVersion);
  if (!bundled) {
    const versions = bundledVersions();
    const minor = kubernetesVersion.trim().replace(/^v/, '');
    const older = versions.filter((version) => compareVersions(version, minor) <= 0);
    bundled = older.at(-1) ?? versions[0];
    bundledFor.set(kubernetesVersion, bundled);
  }
  return bundled;
}

/**
 * The bundled version just above a target version that falls between two bundled ones (1.27 → 1.29), or undefined
 * when the target is bundled itself or is the newest. The target may have what this version adds to the nearest
 * older one's schemas.
 */
export function newerBundledVersion(kubernetesVersion: string): string | undefined {
  // Asked once per object validated: remembered per target (null for none).
  let newer = newerFor.get(kubernetesVersion);
  if (newer === undefined) {
    const bundled = bundledVersion(kubernetesVersion);
    const minor = kubernetesVersion.trim().replace(/^v/, '').split('.').slice(0, 2).join('.');
    newer = compareVersions(bundled, minor) >= 0 ? null : (bundledVersions().find((version) => compareVersions(version, minor) > 0) ?? null);
    newerFor.set(kubernetesVersion, newer);
  }
  return newer ?? undefined;
}
