import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/formatters/index.js';
import type { LintResult } from '../../src/types.js';
import { lint, mismatchedDeployment, ODD_VALUES, RULES_META } from './manifests.js';
import { ESLINT_COMPACT, ESLINT_STYLISH, matchOutput, type Marker, type ProblemMatcher } from './vscode-problem-matcher.js';

const CWD = '/work/project';

/** Several absolute paths (spaces, commas, colons, non-ASCII), errors and warnings, and every odd label value. */
function sampleResults(): LintResult[] {
  const odd = Object.fromEntries(
    Object.entries(ODD_VALUES).map(([key, value], index) => [`/work/project/odd/${index}-${key}.yaml`, mismatchedDeployment(key.toLowerCase(), value)]),
  );
  const errors = lint({
    ...odd,
    '/work/project/manifests/web app.yaml': mismatchedDeployment('web', 'web') + '---\n' + mismatchedDeployment('web2', 'web-long-value'),
    '/work/project/clean.yaml': mismatchedDeployment('same', 'api'),
    '/srv/other repo/x,y:z ünï.yaml': mismatchedDeployment('outside', 'web'),
  });
  const warnings = lint({ '/work/project/warn.yaml': mismatchedDeployment('warned', 'web') }, { rules: { 'selector-label-mismatch': 'warning' } });
  return [...errors, ...warnings];
}

/** What each finding must become in VS Code, apart from the message text. */
function expectedMarkers(results: LintResult[]): Omit<Marker, 'message'>[] {
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: result.filePath,
      line: message.line,
      column: message.column,
      endLine: message.line,
      endColumn: message.column,
      severity: message.severity === 2 ? ('error' as const) : ('warning' as const),
      code: message.ruleId!,
    })),
  );
}

/** Format the sample with a built-in formatter and run a VS Code matcher over the output. */
async function matchSample(format: 'stylish' | 'compact', matcher: ProblemMatcher) {
  const results = sampleResults();
  const output = await formatResults(format, results, { cwd: CWD, color: false, rulesMeta: RULES_META });
  const markers = matchOutput(matcher, output);
  return { results, output, markers, total: results.reduce((sum, result) => sum + result.messages.length, 0) };
}

const withoutMessage = (markers: Marker[]) => markers.map(({ message, ...marker }) => marker);

describe("VS Code's $eslint-stylish matcher on stylish output", () => {
  it('picks up every finding with its absolute file, position, severity, message and rule', async () => {
    const { results, markers, total } = await matchSample('stylish', ESLINT_STYLISH);
    expect(total).toBe(Object.keys(ODD_VALUES).length + 4);
    expect(markers).toHaveLength(total);
    expect(withoutMessage(markers)).toEqual(expectedMarkers(results));
    expect(markers.some((marker) => marker.severity === 'warning')).toBe(true);
    expect(markers.some((marker) => marker.file === '/srv/other repo/x,y:z ünï.yaml')).toBe(true);
  });

  it('reads plain messages unchanged (ESLint drops a final period) and odd ones single-spaced with controls visible', async () => {
    const { markers } = await matchSample('stylish', ESLINT_STYLISH);
    const byName = (name: string) => markers.find((marker) => marker.message.includes(`Deployment '${name}'`))!.message;
    expect(byName('web')).toBe("Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'web'");
    expect(byName('doublespace')).toContain('app=a b does not match');
    expect(byName('tab')).toContain('app=tab here does not match');
    expect(byName('nobreakspace')).toContain('app=nbsp x does not match');
    expect(byName('newline')).toContain('app=line1\\nline2 does not match');
    expect(byName('clearscreen')).toContain('app=\\u001b[2J\\u001b[H does not match');
    expect(byName('carriagereturn')).toContain('app=ok\\u000dFAKE does not match');
    expect(byName('stylishforgery')).toContain('app=x 3:4 error forged fake-rule does not match');
    expect(byName('unicode')).toContain('app=ünïcødé ✓ 😀 does not match');
  });

  it('finds nothing in an empty report', async () => {
    const output = await formatResults('stylish', lint({ '/work/project/ok.yaml': mismatchedDeployment('ok', 'api') }), { cwd: CWD, color: false, rulesMeta: RULES_META });
    expect(output).toBe('');
    expect(matchOutput(ESLINT_STYLISH, output)).toEqual([]);
  });

  it('would miss findings if a message kept two spaces in a row (the reason messages are single-spaced)', () => {
    const row = '/abs/file.yaml\n  8:7  error  Selector label app=a  b does not match  selector-label-mismatch\n';
    expect(matchOutput(ESLINT_STYLISH, row)[0]).toMatchObject({ message: 'Selector label app=a', code: 'b does not match  selector-label-mismatch' });
  });
});

describe("VS Code's $eslint-compact matcher on compact output", () => {
  it('picks up every finding with its absolute file, position, severity, message and rule', async () => {
    const { results, output, markers, total } = await matchSample('compact', ESLINT_COMPACT);
    expect(markers).toHaveLength(total);
    expect(withoutMessage(markers)).toEqual(expectedMarkers(results));
    expect(output.endsWith(`\n\n${total} problems\n`)).toBe(true);
  });

  it('keeps a message that imitates the location part from moving the file boundary', async () => {
    const results = lint({ '/work/project/forged.yaml': mismatchedDeployment('forged', ODD_VALUES.compactForgery) });
    const [marker] = matchOutput(ESLINT_COMPACT, await formatResults('compact', results, { cwd: CWD, color: false, rulesMeta: RULES_META }));
    expect(marker).toMatchObject({ file: '/work/project/forged.yaml', line: 8, column: 7, code: 'selector-label-mismatch' });
    expect(marker.message).toBe(
      "Selector label app=x; line 3, col 4, Error - forged (fake-rule) does not match the pod template, which has app=api; the API server rejects Deployment 'forged'",
    );
  });

  it('reads plain messages exactly', async () => {
    const results = lint({ '/work/project/a.yaml': mismatchedDeployment('web', 'web') });
    const [marker] = matchOutput(ESLINT_COMPACT, await formatResults('compact', results, { cwd: CWD, color: false, rulesMeta: RULES_META }));
    expect(marker).toEqual({
      file: '/work/project/a.yaml',
      line: 8,
      column: 7,
      endLine: 8,
      endColumn: 7,
      severity: 'error',
      message: results[0].messages[0].message,
      code: 'selector-label-mismatch',
    });
  });
});
