import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_FORMATS, formatResults, type FormatterContext } from '../../src/formatters/index.js';
import { UsageError } from '../../src/util/errors.js';
import { lint, mismatchedDeployment, RULES_META } from './manifests.js';

/** A user's project: its node_modules holds eslint-formatter-fixture and @fixture/eslint-formatter-scoped. */
const PROJECT = resolve('fixtures/formatters');
const EMPTY = mkdtempSync(join(tmpdir(), 'stslint-formatters-'));
afterAll(() => rmSync(EMPTY, { recursive: true, force: true }));

const context = (cwd = PROJECT): FormatterContext => ({ cwd, color: false, rulesMeta: RULES_META });
const results = () =>
  lint({ [join(PROJECT, 'a.yaml')]: mismatchedDeployment('web', 'web'), [join(PROJECT, 'b.yaml')]: mismatchedDeployment('ok', 'api') });

async function usageError(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe('ESLint formatters by name or path', () => {
  it('loads eslint-formatter-<name> from the project and calls it as ESLint does: (results, { cwd, rulesMeta })', async () => {
    const input = results();
    const output = await formatResults('fixture', input, context());
    expect(output.startsWith('fixture ')).toBe(true);
    expect(output.endsWith('\n')).toBe(true);
    const received = JSON.parse(output.slice('fixture '.length));
    expect(received.argumentCount).toBe(2);
    expect(received.results).toEqual(input);
    expect(received.context).toEqual({
      cwd: PROJECT,
      rulesMeta: {
        'selector-label-mismatch': {
          type: 'problem',
          docs: {
            description: RULES_META['selector-label-mismatch'].description,
            url: 'https://github.com/stslint/stslint/blob/main/rules/selector-label-mismatch/README.md',
          },
        },
      },
    });
  });

  it('gives the formatter a copy: a formatter that empties its input changes nothing for the next format', async () => {
    const input = results();
    const before = structuredClone(input);
    await formatResults('fixture', input, context());
    expect(input).toEqual(before);
  });

  it('accepts the full package name and scoped names, as ESLint names them', async () => {
    expect(await formatResults('eslint-formatter-fixture', results(), context())).toMatch(/^fixture /);
    expect(await formatResults('@fixture/scoped', results(), context())).toBe('scoped 2 result(s)\n');
    expect(await formatResults('@fixture/eslint-formatter-scoped', results(), context())).toBe('scoped 2 result(s)\n');
  });

  it('loads a formatter by path, relative to cwd, and awaits an async one', async () => {
    const expected = `path formatter: 1 problem(s) in 2 file(s), cwd ${PROJECT}\n`;
    expect(await formatResults('./path-formatter.mjs', results(), context())).toBe(expected);
    expect(await formatResults(join(PROJECT, 'path-formatter.mjs'), results(), context())).toBe(expected);
    expect(await formatResults('fixtures/formatters/path-formatter.mjs', results(), context(resolve('.')))).toBe(
      `path formatter: 1 problem(s) in 2 file(s), cwd ${resolve('.')}\n`,
    );
  });

  it('resolves packages from cwd only: the same name is unknown from a directory without it', async () => {
    expect(await usageError(formatResults('fixture', results(), context(EMPTY)))).toBe(
      `Unknown format 'fixture': not a built-in (stylish, compact, json, sarif, github, junit) and no package eslint-formatter-fixture found from ${EMPTY}`,
    );
  });

  it('names what is missing or broken in one line', async () => {
    expect(await usageError(formatResults('xml', results(), context()))).toBe(
      `Unknown format 'xml': not a built-in (stylish, compact, json, sarif, github, junit) and no package eslint-formatter-xml found from ${PROJECT}`,
    );
    expect(await usageError(formatResults('@nobody/thing', results(), context()))).toMatch(/no package @nobody\/eslint-formatter-thing found/);
    expect(await usageError(formatResults('./missing.js', results(), context()))).toBe(
      `Cannot load formatter './missing.js': no such file ${join(PROJECT, 'missing.js')}`,
    );
    expect(await usageError(formatResults('./not-a-function.mjs', results(), context()))).toBe(
      `Formatter './not-a-function.mjs' (${join(PROJECT, 'not-a-function.mjs')}) does not export a function`,
    );
    expect(await usageError(formatResults('./throws.cjs', results(), context()))).toBe("Formatter './throws.cjs' failed: formatter exploded");
    expect(await usageError(formatResults('evil\u001b[2J', results(), context()))).toMatch(/^Unknown format 'evil\\u001b\[2J'/);
  });

  it('never looks for a package when the name is a built-in, nor for names inherited from Object', async () => {
    expect(BUILT_IN_FORMATS).toEqual(['stylish', 'compact', 'json', 'sarif', 'github', 'junit']);
    expect(await formatResults('json', results(), context(EMPTY))).toBe(`${JSON.stringify(results())}\n`);
    expect(await usageError(formatResults('constructor', results(), context(EMPTY)))).toMatch(/^Unknown format 'constructor'/);
  });
});
