import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-version-removed/index.js';
import { DEPRECATED_APIS, type DeprecatedApi } from '../../src/k8s/api-versions.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/schema/versions.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const manifest = (apiVersion: string, kind: string, name = 'x') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;

/** The minor version before a 'MAJOR.MINOR' one. */
const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));

const lint = (entry: DeprecatedApi, kubernetesVersion: string) =>
  runRule(rule, manifest(entry.apiVersion, entry.kind), { kubernetesVersion });

describe('api-version-removed, one case per table entry', () => {
  it.each(DEPRECATED_APIS.map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry] as const))(
    '%s: reported on apiVersion from its removal release on, not before',
    (_, entry) => {
      const findings = lint(entry, entry.removedIn);
      expect(findings.map(({ line, column, endLine, endColumn, severity }) => ({ line, column, endLine, endColumn, severity }))).toEqual([
        { line: 1, column: 1, endLine: 1, endColumn: `apiVersion: ${entry.apiVersion}`.length + 1, severity: 2 },
      ]);
      expect(findings[0].message).toContain(
        `${entry.kind} 'x' uses ${entry.apiVersion}, which is no longer served since Kubernetes ${entry.removedIn} (target ${entry.removedIn})`,
      );
      expect(lint(entry, '1.33')).toHaveLength(1);
      expect(lint(entry, before(entry.removedIn))).toEqual([]);
    },
  );
});

describe('api-version-removed', () => {
  testRule(rule, {
    valid: [
      manifest('apps/v1', 'StatefulSet'),
      manifest('policy/v1', 'PodDisruptionBudget'),
      // served, only deprecated at target 1.30
      { code: manifest('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), options: { kubernetesVersion: '1.30' } },
      // a kind the version never had is not in the table
      manifest('apps/v1beta1', 'CronTab'),
      manifest('example.com/v1beta1', 'Deployment'),
      { code: manifest('apps/v1beta1', 'StatefulSet'), options: { kubernetesVersion: '1.15' } },
      { code: manifest('apps/v1beta1', 'StatefulSet'), options: { kubernetesVersion: 'latest' } },
      'kind: StatefulSet\nmetadata:\n  name: no-api-version\n',
    ],
    invalid: [
      {
        code: manifest('apps/v1beta1', 'StatefulSet', 'web'),
        options: { kubernetesVersion: '1.30' },
        errors: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 25,
            severity: 2,
            message:
              "StatefulSet 'web' uses apps/v1beta1, which is no longer served since Kubernetes 1.16 (target 1.30); use apps/v1: spec.selector is required and immutable",
          },
        ],
      },
      {
        // items of a List are reported at their own apiVersion
        code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: es
- apiVersion: apps/v1beta1
  kind: StatefulSet
  metadata:
    name: es
`,
        errors: [{ line: 8, column: 3, endLine: 8, endColumn: 27, message: "StatefulSet 'es' uses apps/v1beta1" }],
      },
      {
        code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  generateName: backup-\n',
        options: { kubernetesVersion: 'v1.25.3' },
        errors: [{ line: 1, column: 1, endLine: 1, endColumn: 26, message: "CronJob 'backup-' uses batch/v1beta1, which is no longer served since Kubernetes 1.25 (target 1.25); use batch/v1" }],
      },
      {
        code: `metadata:\n  name: zk\nkind: PodDisruptionBudget\napiVersion: policy/v1beta1 # old\n`,
        options: { kubernetesVersion: '1.25' },
        errors: [{ line: 4, column: 1, endLine: 4, endColumn: 27, message: /^PodDisruptionBudget 'zk' uses policy\/v1beta1, .*; use policy\/v1: an empty spec.selector/ }],
      },
    ],
  });

  it('names the first replacement the target still serves', () => {
    const advice = (apiVersion: string, kind: string, kubernetesVersion: string) =>
      runRule(rule, manifest(apiVersion, kind), { kubernetesVersion })[0]?.message.split('; ').slice(1).join('; ');
    expect(advice('extensions/v1beta1', 'Ingress', '1.22')).toMatch(/^use networking\.k8s\.io\/v1: spec\.backend is renamed/);
    expect(advice('extensions/v1beta1', 'PodSecurityPolicy', '1.16')).toBe('use policy/v1beta1: PodSecurityPolicy itself is removed in 1.25');
    expect(advice('extensions/v1beta1', 'PodSecurityPolicy', '1.25')).toMatch(/^PodSecurityPolicy has no successor: migrate to Pod Security Admission/);
    expect(advice('policy/v1beta1', 'PodSecurityPolicy', '1.30')).toMatch(/^PodSecurityPolicy has no successor/);
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25')).toMatch(/^use autoscaling\/v2: targetAverageUtilization/);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1beta3: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.30')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1: /);
  });

  it('uses the default target version, the newest bundled, when none is given', () => {
    expect(runRule(rule, manifest('autoscaling/v2beta2', 'HorizontalPodAutoscaler'))[0].message).toContain(`(target ${DEFAULT_KUBERNETES_VERSION})`);
  });
});
