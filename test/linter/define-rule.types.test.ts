import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** A file beside this one that exists only in memory, so its imports resolve as a real test's would. */
const FILE = resolve('test/linter/define-rule.typecheck.ts');
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
};

let previous: ts.Program | undefined;

/** The type errors TypeScript reports in `source`, as "line: message" (the source files it imports are parsed once). */
function typeErrors(source: string): string[] {
  const host = ts.createCompilerHost(OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => (name === FILE ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest));
  host.fileExists = (name) => name === FILE || fileExists(name);
  host.readFile = (name) => (name === FILE ? source : readFile(name));
  const program = ts.createProgram([FILE], OPTIONS, host, previous);
  previous = program;
  const file = program.getSourceFile(FILE)!;
  return ts.getPreEmitDiagnostics(program, file).map((diagnostic) => {
    const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/** A rule with two message ids and a typed option; `check` and the RuleTester cases are filled in by each test. */
const source = (check: string, cases = '') => `import { defineRule } from '../../src/linter/rule.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
const rule = defineRule({
  meta: {
    id: 'typed',
    severity: 'error',
    description: 'Report',
    messages: { tooMany: '{{count}} replicas', noName: 'no name' },
    options: { type: 'object', properties: { max: { type: 'integer' } } },
  },
  defaultOptions: { max: 3 },
  check(resource, context) {
${check}
  },
});
new RuleTester().run('typed', rule, { valid: [], invalid: [${cases}] });
`;

describe('defineRule types', () => {
  it('accept the message ids and options a rule declares', () => {
    const check = `    if (resource.object.spec?.replicas > context.options.max) context.report({ path: ['spec'], messageId: 'tooMany', data: { count: 4 } });
    context.report({ path: [], messageId: 'noName' });`;
    const cases = `{ code: '', errors: [{ messageId: 'noName', line: 1, column: 1, endLine: 1, endColumn: 1 }] }`;
    expect(typeErrors(source(check, cases))).toEqual([]);
  }, 60_000);

  it('refuse a misspelt message id in context.report', () => {
    const errors = typeErrors(source(`    context.report({ path: [], messageId: 'tooMny' });`));
    expect(errors).toEqual([expect.stringMatching(/^13: Type '"tooMny"' is not assignable to type '"tooMany" \| "noName"'/)]);
  }, 60_000);

  it('refuse a misspelt message id in a RuleTester case', () => {
    const cases = `{ code: '', errors: [{ messageId: 'noname', line: 1, column: 1, endLine: 1, endColumn: 1 }] }`;
    const errors = typeErrors(source(`    context.report({ path: [], messageId: 'noName' });`, cases));
    expect(errors).toEqual([expect.stringMatching(/^16: .*Type '"noname"' is not assignable to type '"tooMany" \| "noName"/)]);
  }, 60_000);

  it('refuse an option the rule does not have, and a message without its id', () => {
    const errors = typeErrors(source(`    if (context.options.maximum) context.report({ path: [] });`));
    expect(errors).toEqual([
      expect.stringMatching(/^13: Property 'maximum' does not exist on type '\{ max: number; \}'/),
      expect.stringMatching(/^13: .*Property 'messageId' is missing/),
    ]);
  }, 60_000);
});
