import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/formatters/index.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { lint, mismatchedDeployment, ODD_VALUES, RULES_META } from './manifests.js';
import { parseCommand } from './parsers.js';

const CWD = '/work/project';

function result(filePath: string, messages: Partial<LintMessage>[]): LintResult {
  const full = messages.map((message) => ({ ruleId: 'selector-label-mismatch', severity: 2 as const, message: 'm', line: 3, column: 5, endLine: 3, endColumn: 9, ...message }));
  return {
    filePath,
    messages: full,
    suppressedMessages: [],
    errorCount: full.filter((message) => message.severity === 2).length,
    fatalErrorCount: 0,
    warningCount: full.filter((message) => message.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

const github = (results: LintResult[]) => formatResults('github', results, { cwd: CWD, color: false, rulesMeta: RULES_META });

describe('github formatter', () => {
  it('writes one ::error or ::warning command per finding, with the file relative to cwd', async () => {
    const output = await github([
      result('/work/project/manifests/db.yaml', [{}, { severity: 1, line: 10, column: 3, endLine: 10, endColumn: 12, message: 'second', ruleId: 'pdb-missing' }]),
      result('/work/project/clean.yaml', []),
    ]);
    expect(output).toBe(
      [
        '::error file=manifests/db.yaml,line=3,col=5,endLine=3,endColumn=9,title=selector-label-mismatch::m',
        '::warning file=manifests/db.yaml,line=10,col=3,endLine=10,endColumn=12,title=pdb-missing::second',
        '',
      ].join('\n'),
    );
  });

  it('sends columns only for a range on one line, as the runner drops them otherwise', async () => {
    expect(await github([result('/work/project/a.yaml', [{ line: 4, column: 3, endLine: 9, endColumn: 1 }])])).toBe(
      '::error file=a.yaml,line=4,endLine=9,title=selector-label-mismatch::m\n',
    );
  });

  it('escapes data and properties as GitHub requires', async () => {
    const message = '100% sure\r\nnext line ::set-output name=x::y, a:b';
    const output = await github([result('/work/project/dir,with:colon/50%.yaml', [{ message, ruleId: 'odd,rule:id' }])]);
    expect(output).toBe(
      '::error file=dir%2Cwith%3Acolon/50%25.yaml,line=3,col=5,endLine=3,endColumn=9,title=odd%2Crule%3Aid::100%25 sure%0D%0Anext line ::set-output name=x::y, a:b\n',
    );
    expect(parseCommand(output.trimEnd())).toEqual({
      command: 'error',
      properties: { file: 'dir,with:colon/50%.yaml', line: '3', col: '5', endLine: '3', endColumn: '9', title: 'odd,rule:id' },
      data: message,
    });
  });

  it('keeps files outside cwd absolute and shows stdin by its name', async () => {
    const output = await github([result('/srv/other/x.yaml', [{}]), result('<stdin>', [{}])]);
    expect(output.split('\n').map((line) => parseCommand(line)?.properties.file)).toEqual(['/srv/other/x.yaml', '<stdin>', undefined]);
  });

  it('lets no manifest text start a command of its own: each line is one command that reads back to the finding', async () => {
    const values = [ODD_VALUES.workflowCommand, ODD_VALUES.newline, ODD_VALUES.carriageReturn, '\\n::error file=x.yaml::injected', '\\n##[set-output name=x]y'];
    const files = Object.fromEntries(values.map((value, index) => [`/work/project/m${index}.yaml`, mismatchedDeployment(`w${index}`, value)]));
    const results = lint(files);
    const output = await github(results);
    const lines = output.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(values.length);
    const messages = results.flatMap((entry) => entry.messages);
    lines.forEach((line, index) => {
      expect(parseCommand(line)).toEqual({
        command: 'error',
        properties: expect.objectContaining({ file: `m${index}.yaml`, title: 'selector-label-mismatch' }),
        data: messages[index].message,
      });
    });
    expect(output).not.toContain('\n::set-output');
    expect(output).not.toContain('\n::error file=x.yaml');
  });

  it('makes terminal escape sequences visible in messages', async () => {
    const output = await github(lint({ '/work/project/e.yaml': mismatchedDeployment('e', ODD_VALUES.hyperlink) }));
    expect(output).not.toContain('\u001b');
    expect(output).toContain('app=\\u001b]8;;https://evil.example/\\u001b\\click me');
  });

  it('writes nothing for a clean run', async () => {
    expect(await github([result('/work/project/a.yaml', [])])).toBe('');
  });
});
