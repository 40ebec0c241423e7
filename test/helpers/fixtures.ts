import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvalidTestCase, TestCaseError } from '../../src/linter/rule-tester.js';

const EXPECT = /#\s*expect:\s*([\w-]+)\/(\w+)\s+(\d+):(\d+)-(\d+):(\d+)/g;

/**
 * A fixture directory as one RuleTester case: its YAML and JSON files are linted in one run (so cross-file lookups
 * work), and the findings of `ruleId` must be exactly those written in the files' comments, on any line:
 *   `# expect: <rule-id>/<messageId> <line>:<column>-<endLine>:<endColumn>`
 */
export function fixtureCase(dir: string, ruleId: string): InvalidTestCase {
  const files = readdirSync(dir).filter((file) => /\.(ya?ml|json)$/.test(file)).sort();
  const code = Object.fromEntries(files.map((file) => [join(dir, file), readFileSync(join(dir, file), 'utf8')]));
  const errors = Object.entries(code).flatMap(([file, text]) =>
    [...text.matchAll(EXPECT)]
      .filter((match) => match[1] === ruleId)
      .map(([, , messageId, line, column, endLine, endColumn]): TestCaseError => {
        const range = { line: Number(line), column: Number(column), endLine: Number(endLine), endColumn: Number(endColumn) };
        return { file, messageId, ...range };
      }),
  );
  const order = (a: TestCaseError, b: TestCaseError) => a.file!.localeCompare(b.file!) || a.line - b.line || a.column - b.column;
  return { name: `the files of ${dir}`, code, errors: errors.sort(order) };
}
