import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/formatters/index.js';
import { oneLine } from '../../src/util/sanitize.js';
import type { LintResult } from '../../src/types.js';
import { lint, mismatchedDeployment, ODD_VALUES, RULES_META } from './manifests.js';
import { parseCommand, parseXml } from './parsers.js';

const CWD = '/work/project';
const HOSTILE_FILE = '/work/project/\u001b]8;;file:evil\u0007x\u001b]8;;\u0007\u001b[2J\n::error file=y::z.yaml';

/** Every odd label value, in files with ordinary names and in one whose name itself carries escape sequences and a newline. */
function hostileResults(): LintResult[] {
  const files = Object.fromEntries(Object.entries(ODD_VALUES).map(([key, value]) => [`/work/project/${key}.yaml`, mismatchedDeployment(key.toLowerCase(), value)]));
  files[HOSTILE_FILE] = mismatchedDeployment('hostile', ODD_VALUES.hyperlink);
  return lint(files);
}

const findings = (results: LintResult[]) => results.flatMap((result) => result.messages.map((message) => ({ file: result.filePath, message })));
const format = (name: string, results: LintResult[], color = false) => formatResults(name, results, { cwd: CWD, color, rulesMeta: RULES_META });
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('manifest text cannot inject into the output', () => {
  it('the messages carry the hostile text (the fixture is what it claims)', () => {
    const messages = findings(hostileResults()).map(({ message }) => message.message).join('\n');
    for (const raw of ['\u001b[2J', '\u001b]8;;', '\r', '\nline2', '::set-output', '</failure>', 'a  b', '\u00a0']) expect(messages).toContain(raw);
  });

  it('stylish and compact: no terminal control character from a message or a file name reaches the terminal', async () => {
    const results = hostileResults();
    for (const name of ['stylish', 'compact']) {
      const output = await format(name, results);
      expect(output, name).not.toMatch(CONTROL_EXCEPT_NEWLINE);
      expect(output, name).toContain('\\u001b[2J');
      expect(output, name).toContain(oneLine(HOSTILE_FILE));
    }
    const colored = await format('stylish', results, true);
    // Only stslint's own colour codes (SGR: ESC [ digits m) are left.
    expect(colored.replace(/\u001b\[\d+m/g, '')).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  });

  it('stylish and compact: every finding stays on its own line', async () => {
    const results = hostileResults();
    const count = findings(results).length;
    const compactLines = (await format('compact', results)).split('\n').filter((line) => line.includes(', col '));
    expect(compactLines).toHaveLength(count);
    const stylishRows = (await format('stylish', results)).split('\n').filter((line) => /^\s+\d+:\d+\s/.test(line));
    expect(stylishRows).toHaveLength(count);
  });

  it('github: one command per finding, whose message and file read back (controls visible, line breaks kept); nothing else is a command', async () => {
    const results = hostileResults();
    const output = await format('github', results);
    expect(output).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    const lines = output.split('\n').slice(0, -1);
    const expected = findings(results);
    const visible = (text: string) => text.replace(/\u001b/g, '\\u001b').replace(/\u0007/g, '\\u0007').replace(/\t/g, ' ');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, index) => {
      const command = parseCommand(line)!;
      expect(command.command).toBe('error');
      expect(command.properties.file).toBe(visible(expected[index].file.replace('/work/project/', '')));
      expect(command.data).toBe(visible(expected[index].message.message));
    });
  });

  it('junit: `</failure><testcase` in a message stays text; one testcase per finding', async () => {
    const results = hostileResults();
    const root = parseXml(await format('junit', results));
    const testcases = root.children.flatMap((suite) => suite.children);
    expect(testcases).toHaveLength(findings(results).length);
    expect(testcases.every((testcase) => testcase.name === 'testcase' && testcase.children.length === 1)).toBe(true);
    const messages = testcases.map((testcase) => testcase.children[0].attributes.message);
    expect(messages).toEqual(findings(results).map(({ message }) => oneLine(message.message)));
    expect(root.children.map((suite) => suite.attributes.name)).toContain(oneLine(HOSTILE_FILE.replace('/work/project/', '')));
  });

  it('sarif and json: the output parses and every message and file name reads back exactly', async () => {
    const results = hostileResults();
    const sarif = JSON.parse(await format('sarif', results));
    expect(sarif.runs[0].results.map((result: { message: { text: string } }) => result.message.text)).toEqual(findings(results).map(({ message }) => message.message));
    const base = sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const files = sarif.runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        decodeURIComponent(new URL(result.locations[0].physicalLocation.artifactLocation.uri, base).pathname),
    );
    expect(files).toEqual(findings(results).map(({ file }) => file));
    expect(JSON.parse(await format('json', results))).toEqual(results);
  });
});
