import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-version-removed/index.js';
import { DEPRECATED_APIS, deprecatedApi, migrationAdvice, type DeprecatedApi } from '../../src/k8s/api-versions.js';
import { RuleTester, type InvalidTestCase } from '../../src/linter/rule-tester.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/schema/versions.js';
import { bare } from '../helpers/manifests.js';

/** The minor version before a 'MAJOR.MINOR' one. */
const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));

const at = (entry: DeprecatedApi, kubernetesVersion: string) => ({
  name: `${entry.apiVersion} ${entry.kind} at ${kubernetesVersion}`,
  code: bare(entry.apiVersion, entry.kind),
  lintOptions: { kubernetesVersion },
});

/** Reported on apiVersion (line 1) with the removal release and the advice for the target. */
function removedAt(entry: DeprecatedApi, target: string): InvalidTestCase<'removed'> {
  const { apiVersion, kind, removedIn } = entry;
  const data = { kind, name: 'x', apiVersion, removedIn, target, advice: migrationAdvice(entry, target) };
  const errors = [{ messageId: 'removed' as const, data, severity: 'error' as const, line: 1, column: 1, endLine: 1, endColumn: `apiVersion: ${apiVersion}`.length + 1 }];
  return { ...at(entry, target), errors };
}

new RuleTester().run('api-version-removed', rule, {
  valid: [
    bare('apps/v1', 'StatefulSet'),
    bare('policy/v1', 'PodDisruptionBudget'),
    // served, only deprecated at target 1.30
    { code: bare('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), lintOptions: { kubernetesVersion: '1.30' } },
    // a kind the version never had is not in the table
    bare('apps/v1beta1', 'CronTab'),
    bare('example.com/v1beta1', 'Deployment'),
    // one case per table entry: served in the release before its removal
    ...DEPRECATED_APIS.map((entry) => at(entry, before(entry.removedIn))),
  ],
  invalid: [
    // one case per table entry: reported from its removal release on
    ...DEPRECATED_APIS.flatMap((entry) => [removedAt(entry, entry.removedIn), removedAt(entry, '1.33')]),
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
      errors: [{ messageId: 'removed', message: /^StatefulSet 'es' uses apps\/v1beta1, which is no longer served since Kubernetes 1\.16 \(target [\d.]+\); use apps\/v1: /, line: 8, column: 3, endLine: 8, endColumn: 27 }],
    },
    {
      code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  generateName: backup-\n',
      lintOptions: { kubernetesVersion: 'v1.25.3' },
      errors: [{ messageId: 'removed', message: "CronJob 'backup-' uses batch/v1beta1, which is no longer served since Kubernetes 1.25 (target 1.25); use batch/v1", line: 1, column: 1, endLine: 1, endColumn: 26 }],
    },
    {
      code: `metadata:\n  name: zk\nkind: PodDisruptionBudget\napiVersion: policy/v1beta1 # old\n`,
      lintOptions: { kubernetesVersion: '1.25' },
      errors: [{ messageId: 'removed', message: /^PodDisruptionBudget 'zk' uses policy\/v1beta1, .*; use policy\/v1: an empty spec.selector/, line: 4, column: 1, endLine: 4, endColumn: 27 }],
    },
    {
      // the default target is the newest bundled version
      code: bare('autoscaling/v2beta2', 'HorizontalPodAutoscaler'),
      errors: [{ messageId: 'removed', message: new RegExp(`\\(target ${DEFAULT_KUBERNETES_VERSION.replace('.', '\\.')}\\)`), line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});

describe('api-version-removed advice', () => {
  it('names the first replacement the target still serves', () => {
    const advice = (apiVersion: string, kind: string, target: string) => migrationAdvice(deprecatedApi(apiVersion, kind)!, target);
    expect(advice('extensions/v1beta1', 'Ingress', '1.22')).toMatch(/^use networking\.k8s\.io\/v1: spec\.backend is renamed/);
    expect(advice('extensions/v1beta1', 'PodSecurityPolicy', '1.16')).toBe('use policy/v1beta1: PodSecurityPolicy itself is removed in 1.25');
    expect(advice('extensions/v1beta1', 'PodSecurityPolicy', '1.25')).toMatch(/^PodSecurityPolicy has no successor: migrate to Pod Security Admission/);
    expect(advice('policy/v1beta1', 'PodSecurityPolicy', '1.30')).toMatch(/^PodSecurityPolicy has no successor/);
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25')).toMatch(/^use autoscaling\/v2: targetAverageUtilization/);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1beta3: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.30')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1: /);
  });
});
