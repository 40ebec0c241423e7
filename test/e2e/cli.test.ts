import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/types.js';

const BIN = resolve('bin/stslint.js');
const FIXTURES = resolve('fixtures/e2e');

function stslint(args: string[], input?: string, cwd = FIXTURES) {
  const child = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('stslint CLI (built)', () => {
  it('exits 0 on a clean file and prints nothing', () => {
    expect(stslint(['lint', 'good.yaml'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with stylish output on errors, with the absolute path', () => {
    const { code, stdout } = stslint(['bad.yaml']);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      '',
      resolve(FIXTURES, 'bad.yaml'),
      "  8:7  error  Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'web'  selector-label-mismatch",
      '',
      '\u2716 1 problem (1 error, 0 warnings)',
      '',
    ]);
  });

  it('exits 2 naming a path that does not exist', () => {
    const { code, stdout, stderr } = stslint(['lint', 'nope.yaml']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe('stslint: No such file or directory: nope.yaml\n');
  });

  it('exits 2 on an unknown option or format, in one line', () => {
    expect(stslint(['--bogus', 'good.yaml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stslint: Unknown option '--bogus'[^\n]*\n$/) });
    expect(stslint(['-f', 'xml', 'good.yaml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stslint: Unknown format 'xml'[^\n]*\n$/) });
    expect(stslint([])).toMatchObject({ code: 2 });
  });

  it('reads standard input under --stdin-filename', () => {
    const text = `${'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n'}${require('node:fs').readFileSync(resolve(FIXTURES, 'bad.yaml'), 'utf8')}`;
    const { code, stdout } = stslint(['lint', '-', '--stdin-filename', 'rendered.yaml', '-f', 'json'], text);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as LintResult[];
    expect(result.filePath).toBe(resolve(FIXTURES, 'rendered.yaml'));
    expect(result.messages[0]).toMatchObject({ line: 12, column: 7, endLine: 12, endColumn: 15 });
  });

  it('walks directories for .yaml, .yml and .json, skipping node_modules', () => {
    const { code, stdout } = stslint(['tree', '--format', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as LintResult[];
    expect(results.map((r) => r.filePath)).toEqual(
      ['tree/a.yml', 'tree/sub/b.json.yaml', 'tree/sub/c.json'].map((f) => resolve(FIXTURES, f)),
    );
  });

  it('expands glob patterns', () => {
    const { stdout } = stslint(['tree/**/*.json', '-f', 'json']);
    expect((JSON.parse(stdout) as LintResult[]).map((r) => r.filePath)).toEqual([resolve(FIXTURES, 'tree/sub/c.json')]);
    expect(stslint(['tree/**/*.toml'])).toMatchObject({ code: 2, stderr: "stslint: No files match the pattern 'tree/**/*.toml'\n" });
  });

  it("writes ESLint's LintResult[] shape", () => {
    const [result] = JSON.parse(stslint(['bad.yaml', '-f', 'json']).stdout) as LintResult[];
    expect(Object.keys(result).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'warningCount'],
    );
    expect(result).toMatchObject({ errorCount: 1, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(result.messages[0]).toEqual({
      ruleId: 'selector-label-mismatch',
      severity: 2,
      message: expect.any(String),
      line: 8,
      column: 7,
      endLine: 8,
      endColumn: 15,
      path: 'spec.selector.matchLabels.app',
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
    });
  });

  it('ships its bin files executable, in git too: npm makes them so, which must not leave git status dirty', () => {
    const bins = Object.values(JSON.parse(readFileSync('package.json', 'utf8')).bin as Record<string, string>);
    for (const bin of bins) expect(statSync(bin).mode & 0o111, bin).toBe(0o111);
    const git = spawnSync('git', ['ls-files', '--stage', '--', ...bins], { encoding: 'utf8' });
    if (git.status !== 0) return; // not a git checkout (an unpacked package): nothing to compare
    expect(git.stdout.trim().split('\n').map((line) => `${line.split(/\s+/)[0]} ${line.split('\t')[1]}`)).toEqual(bins.map((bin) => `100755 ${bin}`).sort());
  });

  it('lists rules, prints help and version', () => {
    const rules = JSON.parse(stslint(['rules', '--format', 'json']).stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain('selector-label-mismatch');
    expect(stslint(['--help']).stdout).toMatch(/^Usage: stslint/);
    expect(stslint(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('lists each rule with the levels it really reports at: two levels, and fatal', () => {
    const listing = stslint(['rules']).stdout;
    const row = (id: string) => listing.split('\n').find((line) => line.startsWith(`${id} `))?.replace(/\s+/g, ' ');
    expect(row('rwo-shared-claim')).toMatch(/^rwo-shared-claim error\/warning Disallow /);
    expect(row('statefulset-service-name')).toMatch(/^statefulset-service-name warning\/error Require /);
    expect(row('yaml-syntax')).toMatch(/^yaml-syntax error \(fatal\) Report /);
    expect(row('pdb-missing')).toMatch(/^pdb-missing warning Require /);
    const json = JSON.parse(stslint(['rules', '-f', 'json']).stdout) as { id: string; severities?: string[]; fatal?: boolean }[];
    expect(json.find((rule) => rule.id === 'rwo-shared-claim')).toMatchObject({ severity: 'error', severities: ['error', 'warning'] });
    expect(json.find((rule) => rule.id === 'yaml-syntax')).toMatchObject({ severity: 'error', fatal: true });
    expect(stslint(['rules', '--help']).stdout).toMatch(/error\/warning: the rule\s+reports at either level/);
  });

  it('a rule that reports at a level its meta does not list is an internal error (the listing would lie)', async () => {
    const { lintText } = await import('../../src/lint.js');
    const { defineRule } = await import('../../src/linter/rule.js');
    const liar = defineRule({
      meta: { id: 'liar', severity: 'error', description: 'Report at an undeclared level', messages: { m: 'm' } },
      check(resource, context) {
        context.report({ path: [], messageId: 'm', severity: 'warning' });
      },
    });
    const run = lintText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', { registry: [liar] });
    expect(run.internalError).toBe(true);
    expect(run.results[0].messages[0].message).toBe("Rule 'liar' failed on ConfigMap 'a': reported a warning but meta.severities does not list it");
  });

  it('says a custom resource of a CRD version that is not served is refused, not that its CRD is missing', () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.com}',
      'spec:',
      '  group: example.com',
      '  names: {kind: Widget, plural: widgets}',
      '  scope: Namespaced',
      '  versions:',
      '  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}',
      '  - {name: v1beta1, served: false, storage: false, schema: {openAPIV3Schema: {type: object}}}',
      '',
    ].join('\n');
    const crs = 'apiVersion: example.com/v1beta1\nkind: Widget\nmetadata: {name: a}\n---\napiVersion: example.com/v2\nkind: Widget\nmetadata: {name: b}\n';
    const messages = (JSON.parse(stslint(['-', '--strict-kinds', '-f', 'json'], `${crd}---\n${crs}`).stdout) as LintResult[])[0].messages;
    expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      "13:1 no schema for example.com/v1beta1 Widget: its CustomResourceDefinition 'widgets.example.com' does not serve v1beta1 (served: false), so the API server refuses it",
      "17:1 no schema for example.com/v2 Widget: its CustomResourceDefinition 'widgets.example.com' has no version v2, so the API server refuses it",
    ]);
  });

  it('writes the report to --output-file', () => {
    const out = resolve(require('node:os').tmpdir(), `stslint-${process.pid}.json`);
    const { code, stdout } = stslint(['bad.yaml', '-f', 'json', '-o', out]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(JSON.parse(require('node:fs').readFileSync(out, 'utf8'))[0].errorCount).toBe(1);
  });

  it('changes severities with --rule and counts warnings against --max-warnings', () => {
    const { code, stdout } = stslint(['bad.yaml', '--rule', 'selector-label-mismatch=warn']);
    expect(code).toBe(0);
    expect(stdout).toContain('  8:7  warning  Selector label');
    expect(stslint(['bad.yaml', '--rule', 'selector-label-mismatch=warn', '--max-warnings', '0']).code).toBe(1);
    expect(stslint(['bad.yaml', '--rule', 'selector-label-mismatch=off'])).toMatchObject({ code: 0, stdout: '' });
    expect(stslint(['bad.yaml', '--rule', 'nope=error'])).toMatchObject({ code: 2, stderr: "stslint: --rule: Unknown rule 'nope' (see stslint rules)\n" });
  });

  it('finds the config file by walking up, and honours its rules and ignorePatterns', () => {
    const cwd = resolve(FIXTURES, 'configured/generated');
    const { code, stdout, stderr } = stslint(['..', '-f', 'json'], undefined, cwd);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as LintResult[];
    expect(results.map((r) => [r.filePath, r.warningCount])).toEqual([[resolve(FIXTURES, 'configured/app.yaml'), 1]]);
    expect(stderr).toBe('');
    // An ignored file named explicitly is said so on stderr, not silently dropped.
    expect(stslint(['out.yaml'], undefined, cwd).stderr).toMatch(/out\.yaml ignored by ignorePatterns in .*\.stslint\.yaml\n$/);
    // --no-config restores the defaults; --rule wins over the config.
    expect(stslint(['../app.yaml', '--no-config'], undefined, cwd).code).toBe(1);
    expect(stslint(['../app.yaml', '--rule', 'selector-label-mismatch=error'], undefined, cwd).code).toBe(1);
  });

  it('exits 2 on an invalid config, naming the file, line and key', () => {
    const { code, stdout, stderr } = stslint(['app.yaml'], undefined, resolve(FIXTURES, 'badconfig'));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^stslint: \/.*badconfig\/\.stslint\.yaml:2:3: Invalid severity 'loud' for rule 'selector-label-mismatch': use off, warn or error\n$/);
    expect(stslint(['good.yaml', '--config', 'missing.yaml']).stderr).toMatch(/^stslint: Cannot read config file .*missing\.yaml/);
  });

  it('writes several reports in one run', () => {
    const dir = require('node:fs').mkdtempSync(resolve(require('node:os').tmpdir(), 'stslint-'));
    const { code, stdout } = stslint(['bad.yaml', '-f', 'json', '-o', `${dir}/a.json`, '-f', 'stylish']);
    expect(code).toBe(1);
    expect(stdout).toContain('selector-label-mismatch');
    expect(JSON.parse(require('node:fs').readFileSync(`${dir}/a.json`, 'utf8'))).toHaveLength(1);
    expect(stslint(['bad.yaml', '-f', 'json', '-f', 'stylish']).code).toBe(2);
  });

  it('says on stderr how many objects had no schema, by kind', () => {
    const crs = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: a}\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: b}\n';
    const { code, stdout, stderr } = stslint(['-'], crs);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toBe(
      'stslint: 2 objects were not schema-validated, no schema for their kind: cert-manager.io/v1/Certificate (2) (--schema-dir adds schemas, --strict-kinds reports them)\n',
    );
    expect(stslint(['-', '--quiet'], crs).stderr).toBe('');
  });

  it('reads --context files for lookups only, as the pre-commit hook needs', () => {
    const cwd = resolve(FIXTURES, 'context');
    const alone = stslint(['statefulset.yaml', '-f', 'json'], undefined, cwd);
    const ids = (stdout: string) => (JSON.parse(stdout) as LintResult[]).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(ids(alone.stdout)).toEqual(['statefulset-service-missing']);
    const withContext = stslint(['statefulset.yaml', '--context', '.', '-f', 'json'], undefined, cwd);
    expect(withContext.code).toBe(0);
    const results = JSON.parse(withContext.stdout) as LintResult[];
    expect(results.map((r) => [r.filePath, r.messages.length])).toEqual([[resolve(cwd, 'statefulset.yaml'), 0]]);
  });
});
