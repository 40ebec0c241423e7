import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lintSources, type LintOptions, type SourceInput } from '../../src/lint.js';
import type { LintMessage, Rule } from '../../src/types.js';

export type Sources = string | Record<string, string>;

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  severity?: 1 | 2;
}

/** Run one rule (alone) over YAML text or { fileName: text }; returns its messages with their files. */
export function runRule(rule: Rule, sources: Sources, options: LintOptions = {}): (LintMessage & { file: string })[] {
  const inputs: SourceInput[] =
    typeof sources === 'string'
      ? [{ path: 'test.yaml', text: sources }]
      : Object.entries(sources).map(([path, text]) => ({ path, text }));
  const run = lintSources(inputs, { ...options, registry: [rule] });
  return run.results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId === rule.meta.id).map((message) => ({ ...message, file: result.filePath })),
  );
}

/** ESLint RuleTester style: valid cases report nothing, invalid cases report exactly the listed findings. */
export function testRule(
  rule: Rule,
  cases: {
    valid: (Sources | { code: Sources; options?: LintOptions })[];
    invalid: { code: Sources; options?: LintOptions; errors: ExpectedFinding[] }[];
  },
): void {
  cases.valid.forEach((valid, n) => {
    const { code, options } = typeof valid === 'object' && 'code' in valid ? valid : { code: valid, options: {} };
    it(`valid case ${n + 1} reports nothing`, () => {
      expect(runRule(rule, code as Sources, options), `valid case reported:\n${JSON.stringify(code)}`).toEqual([]);
    });
  });
  cases.invalid.forEach((invalid, n) => it(`invalid case ${n + 1} reports exactly its findings`, () => {
    expect(invalid.errors.length, 'an invalid case must expect at least one finding').toBeGreaterThan(0);
    const actual = runRule(rule, invalid.code, invalid.options);
    expect(actual.map(toExpected(invalid.errors))).toEqual(invalid.errors.map(stripMatchers));
    actual.forEach((message, i) => {
      const expected = invalid.errors[i]?.message;
      if (typeof expected === 'string') expect(message.message).toContain(expected);
      else if (expected) expect(message.message).toMatch(expected);
    });
  }));
}

function toExpected(errors: ExpectedFinding[]) {
  return (message: LintMessage, i: number) => {
    const shape: Record<string, unknown> = {
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
    };
    if (errors[i]?.severity !== undefined) shape.severity = message.severity;
    return shape;
  };
}

function stripMatchers(error: ExpectedFinding) {
  const { message: _message, ...rest } = error;
  return rest;
}

/**
 * Fixture directories carry their expectations in comments:
 *   `# expect: <rule-id> <line>:<column>-<endLine>:<endColumn>`
 * Every file of the directory is linted in one run (so cross-file lookups work), with only `rule` on,
 * and the findings must equal the expectations of all files.
 */
export function checkFixtureDir(dir: string, rule: Rule, options: LintOptions = {}): void {
  const files = readdirSync(dir).filter((file) => /\.(ya?ml|json)$/.test(file)).sort();
  const sources = Object.fromEntries(files.map((file) => [join(dir, file), readFileSync(join(dir, file), 'utf8')]));
  const expected = Object.entries(sources).flatMap(([file, text]) => expectationsIn(file, text, rule.meta.id));
  const actual = runRule(rule, sources, options).map(
    (m) => `${m.file} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
  );
  expect(actual.sort()).toEqual(expected.sort());
}

function expectationsIn(file: string, text: string, ruleId: string): string[] {
  const pattern = /#\s*expect:\s*(\S+)\s+(\d+:\d+-\d+:\d+)/g;
  return [...text.matchAll(pattern)].filter((match) => match[1] === ruleId).map((match) => `${file} ${match[2]}`);
}
