import { describe, expect, it } from 'vitest';
import apiVersionDeprecated from '../rules/api-version-deprecated/index.js';
import apiVersionRemoved from '../rules/api-version-removed/index.js';
import {
  apiStatus,
  compareVersions,
  DEPRECATED_APIS,
  deprecatedApi,
  migrationAdvice,
  normalizeVersion,
  replacementFor,
} from '../src/k8s/api-versions.js';
import { lintSourcesAtAnyVersion } from '../src/lint.js';

describe('compareVersions', () => {
  it('compares by major, then minor, numerically', () => {
    expect(compareVersions('1.9', '1.25')).toBeLessThan(0);
    expect(compareVersions('1.25', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.30', '1.30')).toBe(0);
    expect(compareVersions('2.0', '1.99')).toBeGreaterThan(0);
    expect(['1.30', '1.9', '1.16', '1.2'].sort(compareVersions)).toEqual(['1.2', '1.9', '1.16', '1.30']);
  });
});

describe('normalizeVersion', () => {
  it('accepts MAJOR.MINOR with an optional v and patch', () => {
    expect(normalizeVersion('1.30')).toBe('1.30');
    expect(normalizeVersion('v1.25.3')).toBe('1.25');
    expect(normalizeVersion(' 1.09 ')).toBe('1.9');
  });
  it('rejects anything else', () => {
    for (const text of ['latest', '1', '1.30-rc.1', '', '1.x', undefined, 130]) expect(normalizeVersion(text)).toBeUndefined();
  });
});

const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));

/** Releases with a section in the Deprecated API Migration Guide. */
const GUIDE_RELEASES = ['1.16', '1.22', '1.25', '1.26', '1.27', '1.29', '1.32'];

describe('the deprecation table', () => {
  it('has one entry per apiVersion and kind', () => {
    const keys = DEPRECATED_APIS.map((entry) => `${entry.apiVersion} ${entry.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(DEPRECATED_APIS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry] as const))('%s is consistent', (_, entry) => {
    expect(GUIDE_RELEASES).toContain(entry.removedIn);
    if (entry.deprecatedIn) {
      expect(normalizeVersion(entry.deprecatedIn)).toBe(entry.deprecatedIn);
      expect(compareVersions(entry.deprecatedIn, entry.removedIn)).toBeLessThan(0);
    }
    for (const replacement of entry.replacements) {
      expect(replacement.apiVersion).not.toBe(entry.apiVersion);
      expect(normalizeVersion(replacement.since)).toBe(replacement.since);
    }
    // the release before the removal already serves a replacement, unless there is none at all
    if (!entry.noReplacement) expect(replacementFor(entry, before(entry.removedIn))?.served).toBe(true);
    // at the removal release there is something to move to, or advice without one
    expect(replacementFor(entry, entry.removedIn)?.served ?? entry.noReplacement !== undefined).toBe(true);
  });

  it('holds the guide facts for the kinds stslint cares most about', () => {
    const fact = (apiVersion: string, kind: string) => {
      const entry = deprecatedApi(apiVersion, kind)!;
      return [entry.deprecatedIn, entry.removedIn, entry.replacements[0]?.apiVersion];
    };
    expect(fact('apps/v1beta1', 'StatefulSet')).toEqual(['1.8', '1.16', 'apps/v1']);
    expect(fact('apps/v1beta2', 'StatefulSet')).toEqual(['1.9', '1.16', 'apps/v1']);
    expect(fact('policy/v1beta1', 'PodDisruptionBudget')).toEqual(['1.21', '1.25', 'policy/v1']);
    expect(fact('batch/v1beta1', 'CronJob')).toEqual(['1.21', '1.25', 'batch/v1']);
    expect(fact('autoscaling/v2beta2', 'HorizontalPodAutoscaler')).toEqual(['1.23', '1.26', 'autoscaling/v2']);
    expect(fact('storage.k8s.io/v1beta1', 'CSIStorageCapacity')).toEqual(['1.24', '1.27', 'storage.k8s.io/v1']);
    expect(fact('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema')).toEqual(['1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1']);
    expect(deprecatedApi('apps/v1', 'StatefulSet')).toBeUndefined();
  });
});

describe('apiStatus and migrationAdvice', () => {
  const pdb = deprecatedApi('policy/v1beta1', 'PodDisruptionBudget')!;

  it('is deprecated from deprecatedIn and removed from removedIn', () => {
    expect(['1.20', '1.21', '1.24', '1.25', '1.33'].map((version) => apiStatus(pdb, version))).toEqual([
      undefined,
      'deprecated',
      'deprecated',
      'removed',
      'removed',
    ]);
  });

  it('follows a replacement that is itself removed to the next one', () => {
    const psp = deprecatedApi('extensions/v1beta1', 'PodSecurityPolicy')!;
    expect(replacementFor(psp, '1.16')).toMatchObject({ apiVersion: 'policy/v1beta1', served: true });
    expect(replacementFor(psp, '1.25')).toBeUndefined();
    expect(migrationAdvice(psp, '1.25')).toMatch(/^PodSecurityPolicy has no successor/);
  });

  it('names a replacement that is not served yet with the release that brings it', () => {
    const hpa = deprecatedApi('autoscaling/v2beta2', 'HorizontalPodAutoscaler')!;
    expect(replacementFor(hpa, '1.20')).toMatchObject({ apiVersion: 'autoscaling/v2', served: false });
    expect(migrationAdvice(hpa, '1.20')).toMatch(/^use autoscaling\/v2 \(served from 1\.23\): /);
  });
});

describe('api-version-removed and api-version-deprecated together', () => {
  it('report at most one finding per object at every target version', () => {
    const versions = Array.from({ length: 30 }, (_, minor) => `1.${minor + 6}`);
    for (const entry of DEPRECATED_APIS) {
      const text = `apiVersion: ${entry.apiVersion}\nkind: ${entry.kind}\nmetadata:\n  name: x\n`;
      const counts = versions.map((kubernetesVersion) => {
        const run = lintSourcesAtAnyVersion([{ path: 'a.yaml', text }], { kubernetesVersion, registry: [apiVersionRemoved, apiVersionDeprecated] });
        return run.results[0].messages.length;
      });
      const expected = versions.map((version) => (apiStatus(entry, version) ? 1 : 0));
      expect(counts, `${entry.apiVersion} ${entry.kind}`).toEqual(expected);
    }
  });
});
