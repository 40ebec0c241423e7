import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-version-deprecated/index.js';
import { DEPRECATED_APIS, type DeprecatedApi } from '../../src/k8s/api-versions.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const manifest = (apiVersion: string, kind: string, name = 'x') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;

const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));

const lint = (entry: DeprecatedApi, kubernetesVersion: string) =>
  runRule(rule, manifest(entry.apiVersion, entry.kind), { kubernetesVersion });

const label = (entry: DeprecatedApi) => [`${entry.apiVersion} ${entry.kind}`, entry] as const;

describe('api-version-deprecated, one case per table entry', () => {
  it.each(DEPRECATED_APIS.filter((entry) => entry.deprecatedIn).map(label))(
    '%s: reported on apiVersion from its deprecation until its removal',
    (_, entry) => {
      const deprecatedIn = entry.deprecatedIn!;
      const findings = lint(entry, deprecatedIn);
      expect(findings.map(({ line, column, endLine, endColumn, severity }) => ({ line, column, endLine, endColumn, severity }))).toEqual([
        { line: 1, column: 1, endLine: 1, endColumn: `apiVersion: ${entry.apiVersion}`.length + 1, severity: 1 },
      ]);
      expect(findings[0].message).toContain(
        `${entry.kind} 'x' uses ${entry.apiVersion}, which is deprecated since Kubernetes ${deprecatedIn} and removed in ${entry.removedIn} (target ${deprecatedIn})`,
      );
      expect(lint(entry, before(entry.removedIn))).toHaveLength(1);
      expect(lint(entry, before(deprecatedIn))).toEqual([]);
      expect(lint(entry, entry.removedIn)).toEqual([]);
    },
  );

  it.each(DEPRECATED_APIS.filter((entry) => !entry.deprecatedIn).map(label))(
    '%s: has no deprecation release, so it is never reported as deprecated',
    (_, entry) => {
      for (const version of ['1.5', before(entry.removedIn), entry.removedIn]) expect(lint(entry, version)).toEqual([]);
    },
  );
});

describe('api-version-deprecated', () => {
  testRule(rule, {
    valid: [
      manifest('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'),
      // removed at the default target 1.30: api-version-removed reports it
      manifest('policy/v1beta1', 'PodDisruptionBudget'),
      { code: manifest('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), options: { kubernetesVersion: '1.28' } },
      { code: manifest('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), options: { kubernetesVersion: 'one.thirty' } },
    ],
    invalid: [
      {
        code: manifest('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'workload-low'),
        options: { kubernetesVersion: '1.30' },
        errors: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 49,
            severity: 1,
            message:
              "PriorityLevelConfiguration 'workload-low' uses flowcontrol.apiserver.k8s.io/v1beta3, which is deprecated since Kubernetes 1.29 and removed in 1.32 (target 1.30); use flowcontrol.apiserver.k8s.io/v1: PriorityLevelConfiguration spec.limited.nominalConcurrencyShares defaults to 30 only when unset",
          },
        ],
      },
      {
        code: manifest('policy/v1beta1', 'PodDisruptionBudget', 'zk-pdb'),
        options: { kubernetesVersion: '1.21' },
        errors: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 27,
            message:
              "PodDisruptionBudget 'zk-pdb' uses policy/v1beta1, which is deprecated since Kubernetes 1.21 and removed in 1.25 (target 1.21); use policy/v1: an empty spec.selector {} selects every pod",
          },
        ],
      },
    ],
  });

  it('recommends a replacement the target serves, or says when one arrives', () => {
    const advice = (apiVersion: string, kind: string, kubernetesVersion: string) =>
      runRule(rule, manifest(apiVersion, kind), { kubernetesVersion })[0]?.message.split('; ').slice(1).join('; ');
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22')).toMatch(/^use autoscaling\/v2beta2: /);
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.23')).toMatch(/^use autoscaling\/v2: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.28')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1beta3: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.23')).toBe('use flowcontrol.apiserver.k8s.io/v1beta2');
    expect(advice('extensions/v1beta1', 'Ingress', '1.14')).toBe('use networking.k8s.io/v1beta1');
    expect(advice('apps/v1beta1', 'StatefulSet', '1.8')).toMatch(/^use apps\/v1 \(served from 1\.9\): spec\.selector/);
  });
});
