/**
 * The library refuses what the CLI refuses, with the same words (src/check-options.ts), by throwing UsageError; it
 * takes what the CLI takes (a version written v1.30 or 1.30.2), and formatResults works without a context.
 */
import { describe, expect, it } from 'vitest';
import { formatResults, lintFiles, lintSources, lintText, UsageError } from '../../src/index.js';
import { lintSourcesAtAnyVersion } from '../../src/lint.js';
import { stslint, writeTree } from '../reliability/helpers.js';

const DUPLICATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n';

/** The message of the UsageError `run` throws (fails when it throws anything else, or nothing). */
function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).name).toBe('UsageError');
    return (error as Error).message;
  }
  throw new Error('nothing was thrown');
}

describe('library options are checked as the CLI checks them', () => {
  const dir = writeTree({ 'm.yaml': DUPLICATE });
  const cli = (args: string[]) => stslint(['m.yaml', ...args], { cwd: dir }).stderr.replace(/^stslint: --\w[\w-]*: /, '').trimEnd();

  it.each([
    ['an unknown rule, with the closest id', { rules: { 'pdb-mising': 'error' } }, ['--rule', 'pdb-mising=error'], "rules: Unknown rule 'pdb-mising'; did you mean 'pdb-missing'? (see stslint rules)"],
    ['an unknown rule, nothing close', { rules: { nosuch: 'error' } }, ['--rule', 'nosuch=error'], "rules: Unknown rule 'nosuch' (see stslint rules)"],
    ['an unknown severity', { rules: { 'pdb-missing': 'fatal' } }, ['--rule', 'pdb-missing=fatal'], "rules: Invalid severity 'fatal' for rule 'pdb-missing': use off, warn or error"],
    ['a fatal rule turned off', { rules: { 'yaml-syntax': 'off' } }, ['--rule', 'yaml-syntax=off'], "rules: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error"],
    ['a fatal rule downgraded', { rules: { 'yaml-syntax': ['warn'] } }, ['--rule', 'yaml-syntax=warn'], "rules: Rule 'yaml-syntax' cannot be turned off or downgraded: a file that cannot be read or parsed is always an error"],
    ['an unsupported version', { kubernetesVersion: '9.9' }, ['--kubernetes-version', '9.9'], "kubernetesVersion: Unsupported Kubernetes version '9.9': stslint supports 1.25 to 1.36 (bundled schemas: 1.25, 1.26, 1.29, 1.30, 1.36; a version in between uses the nearest older one)"],
    ['a version too old', { kubernetesVersion: '1.2' }, ['--kubernetes-version', '1.2'], "kubernetesVersion: Unsupported Kubernetes version '1.2': stslint supports 1.25 to 1.36 (bundled schemas: 1.25, 1.26, 1.29, 1.30, 1.36; a version in between uses the nearest older one)"],
    ['an invalid namespace', { namespace: 'Bad_NS' }, ['-n', 'Bad_NS'], "namespace: 'Bad_NS' is not a valid namespace name (a DNS label: lowercase letters, digits and '-', at most 63)"],
  ])('%s: the same words as the CLI', (_, options, args, message) => {
    expect(usageError(() => lintText(DUPLICATE, options as never))).toBe(message);
    expect(usageError(() => lintSources([{ path: 'a.yaml', text: DUPLICATE }], options as never))).toBe(message);
    expect(`${message.split(': ')[0]}: ${cli(args)}`).toBe(message);
  });

  it('lintFiles checks them before reading anything', async () => {
    await expect(lintFiles(['m.yaml'], { cwd: dir, rules: { nosuch: 'off' } })).rejects.toThrow(new UsageError("rules: Unknown rule 'nosuch' (see stslint rules)"));
    await expect(lintFiles(['missing.yaml'], { cwd: dir, kubernetesVersion: '1.99' })).rejects.toThrow(/^kubernetesVersion: Unsupported Kubernetes version '1\.99'/);
    await expect(lintFiles('m.yaml' as never, { cwd: dir })).rejects.toThrow(new UsageError('lintFiles expects an array of paths (strings), got a string'));
  });

  it('takes what the CLI takes: ESLint severities and a version written v1.30 or 1.30.2', () => {
    const ids = (options: object) => lintText(DUPLICATE, options).results[0].messages.map((m) => `${m.ruleId} ${m.severity}`);
    expect(ids({ rules: { 'duplicate-key': 1 } })).toEqual(['duplicate-key 1']);
    expect(ids({ rules: { 'duplicate-key': ['warning'] } })).toEqual(['duplicate-key 1']);
    expect(ids({ rules: { 'duplicate-key': 0 } })).toEqual([]);
    expect(lintText(DUPLICATE, { kubernetesVersion: 'v1.30.2' }).results).toEqual(lintText(DUPLICATE, { kubernetesVersion: '1.30' }).results);
  });

  it('RuleTester tests rules at any version written MAJOR.MINOR, and refuses any other text', () => {
    const source = [{ path: 'a.yaml', text: 'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: a}\n' }];
    expect(lintSourcesAtAnyVersion(source, { kubernetesVersion: '1.15' }).results[0].messages.map((m) => m.ruleId)).not.toContain('api-version-removed');
    expect(lintSourcesAtAnyVersion(source, { kubernetesVersion: '1.16' }).results[0].messages.map((m) => m.ruleId)).toContain('api-version-removed');
    expect(usageError(() => lintSourcesAtAnyVersion(source, { kubernetesVersion: 'latest' }))).toMatch(/^kubernetesVersion: Unsupported Kubernetes version 'latest'/);
    expect(usageError(() => lintSourcesAtAnyVersion(source, { rules: { nosuch: 'off' } }))).toBe("rules: Unknown rule 'nosuch' (see stslint rules)");
  });

  it('refuses text that is not a string, and sources without a path or text, in one clear line', () => {
    expect(usageError(() => lintText(null as never))).toBe('lintText expects the text as a string, got null');
    expect(usageError(() => lintText(Buffer.from('a: 1') as never))).toBe('lintText expects the text as a string, got an object');
    expect(usageError(() => lintSources([{ path: 'a.yaml', text: 3 }] as never))).toBe('lintSources: source 0 (a.yaml) needs its text as a string, got a number');
    expect(usageError(() => lintSources([{ text: 'a: 1' }] as never))).toBe('lintSources: source 0 needs a path (a string), got an object');
    expect(usageError(() => lintSources('a: 1' as never))).toBe('lintSources expects an array of { path, text }, got a string');
  });
});

describe('formatResults', () => {
  const run = lintText(DUPLICATE, { filePath: 'a.yaml' });

  it('works without a context: cwd, no color, the built-in rules', async () => {
    const full = await formatResults('stylish', run.results, { cwd: process.cwd(), color: false, rulesMeta: {} });
    const bare = await formatResults('stylish', run.results);
    expect(bare).toBe(full);
    expect(bare).toContain("Duplicate key 'name'");
    expect(bare).not.toContain('\u001b[');
    // SARIF lists the rules' metadata: the defaults are the built-in rules'.
    const sarif = JSON.parse(await formatResults('sarif', run.results, { color: false }));
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('duplicate-key');
  });

  it('refuses results that are not an array, and names it', async () => {
    await expect(formatResults('stylish', run as never)).rejects.toThrow(new UsageError('formatResults expects the results as an array (LintRun.results), got an object'));
    await expect(formatResults('xml', run.results)).rejects.toThrow(/^Unknown format 'xml'/);
  });
});
