import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { ruleTable } from '../scripts/rule-table.js';
import { lintSources, lintText, type LintOptions } from '../src/lint.js';
import type { AnyRule } from '../src/linter/rule.js';

/** The sections every rule README has, in this order. */
const SECTIONS = ['## What it checks', '## Why', '## Incorrect', '## Correct', '## How to fix', '## When not to use it', '## References'];

describe('rule registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('lists every rule in the README table, generated from the registry', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(ruleTable());
  });
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  const readmeUrl = new URL(`../rules/${id}/README.md`, import.meta.url);

  it('has a README with the fixed sections and a test file', () => {
    expect(existsSync(readmeUrl), `rules/${id}/README.md`).toBe(true);
    const readme = readFileSync(readmeUrl, 'utf8');
    expect(readme.startsWith(`# ${id}\n`)).toBe(true);
    const positions = SECTIONS.map((section) => readme.indexOf(`\n${section}\n`));
    expect(positions.every((position) => position > 0), `sections ${SECTIONS.join(', ')}`).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(existsSync(new URL(`./rules/${id}.test.ts`, import.meta.url)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it('has a description that starts with a verb and ends without a period', () => {
    expect(rule.meta.description).toMatch(/^[A-Z][a-z]+ /);
    expect(rule.meta.description.endsWith('.')).toBe(false);
  });

  it('fires on its Incorrect example and not on its Correct one', () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    // Rules that are off by default are turned on: the README shows what they report when enabled.
    const options = rule.meta.severity === 'off' ? { rules: { [id]: 'warning' as const } } : {};
    // An example may pin its target version with a first line `# stslint --kubernetes-version X.Y`.
    const withVersion = (example: string) => ({ ...options, kubernetesVersion: /^# stslint --kubernetes-version (\S+)$/m.exec(example)?.[1] });
    const incorrect = exampleAfter(readme, '## Incorrect');
    const correct = exampleAfter(readme, '## Correct');
    // Rules that compare with a base show it first, in a ```yaml base block (what --base-files would read).
    const base = (heading: string) => baseExampleAfter(readme, heading);
    expect(findingsOf(rule, incorrect, withVersion(incorrect), base('## Incorrect')).length).toBeGreaterThan(0);
    expect(findingsOf(rule, correct, withVersion(correct), base('## Correct'))).toEqual([]);
  });
});

/** The rule's findings on one example (compared with a base, if given), linted with the rule alone; a rule that throws fails the test. */
function findingsOf(rule: AnyRule, example: string, options: LintOptions, base?: string): string[] {
  const withRule = { ...options, registry: [rule] };
  const run = base === undefined ? lintText(example, withRule) : lintSources([{ path: '<text>', text: example }, { path: '<base>', text: base, base: true }], withRule);
  expect(run.internalError).toBe(false);
  return run.findings.filter((finding) => finding.ruleId === rule.meta.id).map((finding) => finding.message);
}

/** The ```yaml base block of a section, if it has one. */
function baseExampleAfter(readme: string, heading: string): string | undefined {
  const start = readme.indexOf(`\n${heading}\n`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return /```yaml base\n([\s\S]*?)```/.exec(section)?.[1];
}

function exampleAfter(readme: string, heading: string): string {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const match = /```ya?ml\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`no yaml example after ${heading}`);
  return match[1];
}
