import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-version-deprecated/index.js';
import { DEPRECATED_APIS, deprecatedApi, migrationAdvice, type DeprecatedApi } from '../../src/k8s/api-versions.js';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '../../src/linter/rule-tester.js';
import { bare } from '../helpers/manifests.js';

const before = (version: string) => version.replace(/\d+$/, (minor) => String(Number(minor) - 1));

/** The object of a table entry at a target version. */
const at = (entry: DeprecatedApi, kubernetesVersion: string) => ({
  name: `${entry.apiVersion} ${entry.kind} at ${kubernetesVersion}`,
  code: bare(entry.apiVersion, entry.kind),
  lintOptions: { kubernetesVersion },
});

/** Reported on apiVersion (line 1) with the entry's releases and the advice for the target. */
function deprecatedAt(entry: DeprecatedApi, target: string): InvalidTestCase<'deprecated'> {
  const { apiVersion, kind, deprecatedIn = '', removedIn } = entry;
  const data = { kind, name: 'x', apiVersion, deprecatedIn, removedIn, target, advice: migrationAdvice(entry, target) };
  const errors = [{ messageId: 'deprecated' as const, data, severity: 'warning' as const, line: 1, column: 1, endLine: 1, endColumn: `apiVersion: ${apiVersion}`.length + 1 }];
  return { ...at(entry, target), errors };
}

/** One case per table entry: reported from its deprecation until its removal, and not outside. */
const table = DEPRECATED_APIS.flatMap((entry) => {
  if (!entry.deprecatedIn) return { valid: ['1.5', before(entry.removedIn), entry.removedIn].map((version) => at(entry, version)), invalid: [] };
  const lastServed = before(entry.removedIn);
  const invalid = [deprecatedAt(entry, entry.deprecatedIn), ...(lastServed === entry.deprecatedIn ? [] : [deprecatedAt(entry, lastServed)])];
  return { valid: [at(entry, before(entry.deprecatedIn)), at(entry, entry.removedIn)], invalid };
});

const valid: ValidTestCase[] = [
  bare('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'),
  // removed at the default target: api-version-removed reports it
  bare('policy/v1beta1', 'PodDisruptionBudget'),
].map((test) => (typeof test === 'string' ? { code: test } : test));

new RuleTester().run('api-version-deprecated', rule, {
  valid: [...valid, ...table.flatMap((entry) => entry.valid)],
  invalid: [
    ...table.flatMap((entry) => entry.invalid),
    {
      code: bare('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'workload-low'),
      lintOptions: { kubernetesVersion: '1.30' },
      errors: [
        {
          messageId: 'deprecated',
          message:
            "PriorityLevelConfiguration 'workload-low' uses flowcontrol.apiserver.k8s.io/v1beta3, which is deprecated since Kubernetes 1.29 and removed in 1.32 (target 1.30); use flowcontrol.apiserver.k8s.io/v1: PriorityLevelConfiguration spec.limited.nominalConcurrencyShares defaults to 30 only when unset and keeps an explicit 0",
          severity: 'warning',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
    {
      code: bare('policy/v1beta1', 'PodDisruptionBudget', 'zk-pdb'),
      lintOptions: { kubernetesVersion: '1.21' },
      errors: [
        {
          messageId: 'deprecated',
          message: /^PodDisruptionBudget 'zk-pdb' uses policy\/v1beta1, which is deprecated since Kubernetes 1.21 and removed in 1.25 \(target 1.21\); use policy\/v1: an empty spec.selector \{\} selects every pod/,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 27,
        },
      ],
    },
  ],
});

describe('api-version-deprecated advice', () => {
  it('recommends a replacement the target serves, or says when one arrives', () => {
    const advice = (apiVersion: string, kind: string, target: string) => migrationAdvice(deprecatedApi(apiVersion, kind)!, target);
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22')).toMatch(/^use autoscaling\/v2beta2: /);
    expect(advice('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.23')).toMatch(/^use autoscaling\/v2: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.28')).toMatch(/^use flowcontrol\.apiserver\.k8s\.io\/v1beta3: /);
    expect(advice('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.23')).toBe('use flowcontrol.apiserver.k8s.io/v1beta2');
    expect(advice('extensions/v1beta1', 'Ingress', '1.14')).toBe('use networking.k8s.io/v1beta1');
    expect(advice('apps/v1beta1', 'StatefulSet', '1.8')).toMatch(/^use apps\/v1 \(served from 1\.9\): spec\.selector/);
  });
});
