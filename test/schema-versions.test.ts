import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import schemaRule from '../rules/schema/index.js';
import serviceNameRule from '../rules/statefulset-service-name/index.js';
import { runAction } from '../src/action.js';
import type { AnyRule, LintMessage, LintOptions } from '../src/index.js';
import { DEPRECATED_APIS, apiStatus } from '../src/k8s/api-versions.js';
import { lintText } from '../src/lint.js';
import { DEFAULT_KUBERNETES_VERSION } from '../src/schema/versions.js';
import { hasSchema } from '../src/schema/builtin.js';
import { bundledVersions } from '../src/schema/versions.js';
import { POSTGRES, statefulSet as statefulSetOf } from './helpers/manifests.js';

const VERSIONS = ['1.25', '1.26', '1.29', '1.30', '1.36'];

/** The StatefulSet 'db' of POSTGRES with `container` lines added to its container and `spec` lines to its spec (from line 18). */
const statefulSet = (spec: string, container = '') => statefulSetOf(POSTGRES) + container + spec;

/** The messages of one rule, in the order of the results (by line and column). */
function messagesOf(rule: AnyRule, code: string, options: LintOptions): LintMessage[] {
  return lintText(code, { ...options, registry: [rule] }).results.flatMap((result) => result.messages.filter((m) => m.ruleId === rule.meta.id));
}

/** Schema findings as `line:column message` at each bundled version, `--strict` on. */
function findingsByVersion(code: string): Record<string, string[]> {
  return Object.fromEntries(
    VERSIONS.map((kubernetesVersion) => [
      kubernetesVersion,
      messagesOf(schemaRule, code, { strict: true, kubernetesVersion }).map((m) => `${m.line}:${m.column} ${m.message}`),
    ]),
  );
}

/** The versions from `first` on get `after`, the ones before get `before`. */
function expectFrom(first: string, code: string, before: string[], after: string[] = []): void {
  const expected = Object.fromEntries(VERSIONS.map((version) => [version, VERSIONS.indexOf(version) < VERSIONS.indexOf(first) ? before : after]));
  expect(findingsByVersion(code)).toEqual(expected);
}

describe('bundled Kubernetes versions', () => {
  it('bundles 1.25, 1.26, 1.29, 1.30 and 1.36, and targets the newest by default', () => {
    expect(bundledVersions()).toEqual(VERSIONS);
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.36');
  });

  it('1.26 adds StatefulSet spec.ordinals: unknown before with --strict', () => {
    expectFrom('1.26', statefulSet('  ordinals:\n    start: 1\n'), ['18:3 spec.ordinals is not a known field of StatefulSetSpec']);
  });

  it('1.26 adds PodDisruptionBudget spec.unhealthyPodEvictionPolicy, with its allowed values', () => {
    const pdb = (policy: string) =>
      `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\nspec:\n  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: ${policy}\n`;
    expectFrom('1.26', pdb('AlwaysAllow'), ['7:3 spec.unhealthyPodEvictionPolicy is not a known field of PodDisruptionBudgetSpec']);
    expectFrom('1.26', pdb('Always'), ['7:3 spec.unhealthyPodEvictionPolicy is not a known field of PodDisruptionBudgetSpec'], [
      "7:3 spec.unhealthyPodEvictionPolicy must be one of IfHealthyBudget, AlwaysAllow, got string \"Always\"",
    ]);
  });

  it('1.29 has container resizePolicy, 1.26 does not', () => {
    const code = statefulSet('', '          resizePolicy:\n            - resourceName: cpu\n              restartPolicy: NotRequired\n');
    expectFrom('1.29', code, ['18:11 spec.template.spec.containers[0].resizePolicy is not a known field of Container']);
  });

  it('1.30 has securityContext.appArmorProfile, 1.29 does not', () => {
    const code = statefulSet('', '          securityContext:\n            appArmorProfile:\n              type: RuntimeDefault\n');
    expectFrom('1.30', code, ['19:13 spec.template.spec.containers[0].securityContext.appArmorProfile is not a known field of SecurityContext']);
  });

  it('1.36 has lifecycle.stopSignal, with its allowed values; 1.30 does not', () => {
    const code = statefulSet('', '          lifecycle:\n            stopSignal: SIGTERM\n');
    expectFrom('1.36', code, ['19:13 spec.template.spec.containers[0].lifecycle.stopSignal is not a known field of Lifecycle']);
  });

  it('the reverse: a value older schemas accept and 1.36 rejects (ipFamilyPolicy became an enum)', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ipFamilyPolicy: singlestack\n  ports: [{port: 5432}]\n';
    expectFrom('1.36', service, [], ["6:3 spec.ipFamilyPolicy must be one of PreferDualStack, RequireDualStack, SingleStack, got string \"singlestack\"; did you mean 'SingleStack'?"]);
  });

  it('knows the kinds each version serves', () => {
    expect(VERSIONS.map((version) => hasSchema('resource.k8s.io/v1', 'ResourceClaim', version))).toEqual([false, false, false, false, true]);
    expect(VERSIONS.map((version) => hasSchema('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', version))).toEqual([false, false, true, true, true]);
    expect(VERSIONS.map((version) => hasSchema('resource.k8s.io/v1alpha2', 'ResourceClaim', version))).toEqual([false, false, true, true, false]);
  });

  it.each(VERSIONS)('has no schema at %s for any API the deprecation table says it no longer serves', (version) => {
    const removed = DEPRECATED_APIS.filter((entry) => apiStatus(entry, version) === 'removed');
    expect(removed.filter((entry) => hasSchema(entry.apiVersion, entry.kind, version)).map((entry) => `${entry.apiVersion} ${entry.kind}`)).toEqual([]);
  });

  it('reports a missing serviceName as an error where the schema requires it (1.32 and older), else a warning', () => {
    const code = statefulSet('').replace('  serviceName: db\n', '');
    const severities = ['1.25', '1.26', '1.29', '1.30', '1.32', '1.33', '1.36'].map(
      (kubernetesVersion) => messagesOf(serviceNameRule, code, { kubernetesVersion })[0].severity,
    );
    expect(severities).toEqual([2, 2, 2, 2, 2, 1, 1]);
  });
});

describe('--kubernetes-version', () => {
  const BIN = resolve('bin/stslint.js');
  const stslint = (args: string[], cwd = resolve('fixtures/crd')) => {
    const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: child.status, stdout: child.stdout, stderr: child.stderr };
  };
  const LIST = 'stslint supports 1.25 to 1.36 (bundled schemas: 1.25, 1.26, 1.29, 1.30, 1.36; a version in between uses the nearest older one)';

  it('exits 2 on an unsupported version, listing the supported ones', () => {
    expect(stslint(['--kubernetes-version', '9.99', 'crontabs.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `stslint: --kubernetes-version: Unsupported Kubernetes version '9.99': ${LIST}\n`,
    });
  });

  it('exits 2 on an unsupported kubernetesVersion in the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stslint-version-'));
    writeFileSync(join(dir, '.stslint.yaml'), 'kubernetesVersion: "1.24"\n');
    writeFileSync(join(dir, 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    const { code, stderr } = stslint(['x.yaml'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe(`stslint: ${join(realpathSync(dir), '.stslint.yaml')}:1:1: kubernetesVersion: Unsupported Kubernetes version '1.24': ${LIST}\n`);
  });

  it('accepts a version between bundled ones', () => {
    expect(stslint(['--kubernetes-version', 'v1.27', '--rule', 'schema=off', 'crontabs.yaml']).code).toBe(0);
  });

  it('exits 2 in the GitHub Action too', async () => {
    const output: string[] = [];
    const code = await runAction({ 'INPUT_KUBERNETES-VERSION': '2.0', GITHUB_WORKSPACE: resolve('fixtures/crd') }, (text) => output.push(text));
    expect(code).toBe(2);
    expect(output.join('')).toBe(`stslint: input 'kubernetes-version': Unsupported Kubernetes version '2.0': ${LIST}\n`);
  });
});
