import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { lintFiles, lintSources } from '../../src/lint.js';
import type { LintResult } from '../../src/types.js';
import { stslint, tempDir } from './helpers.js';

/**
 * Text a manifest controls (names, labels, file names) ends up in messages. Written as YAML escapes,
 * so that the file itself is valid: a terminal hyperlink, a bell, clear-screen and colour sequences,
 * a carriage return, GitHub workflow commands on their own lines, and XML/HTML metacharacters.
 */
const EVIL = '\\e]8;;https://evil.example\\a\\e[2J\\e[31mred\\r\\n::error file=a.yaml,line=1::pwned\\n::set-output name=x::y\\n<script>&amp;\\"\'</script>';
const EVIL_DECODED = '\u001b]8;;https://evil.example\u0007\u001b[2J\u001b[31mred\r\n::error file=a.yaml,line=1::pwned\n::set-output name=x::y\n<script>&amp;"\'</script>';
const TEXT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: "web${EVIL}"
  labels: {app: web}
spec:
  serviceName: "svc${EVIL}"
  replicas: 3
  selector:
    matchLabels: {app: "web${EVIL}"}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

const SGR = /\u001b\[\d+m/g;
// Every C0 and C1 control character but the line feed, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function lint(): LintResult[] {
  const { results } = lintSources([{ path: 'evil.yaml', text: TEXT }]);
  const messages = results.flatMap((result) => result.messages.map((m) => m.message));
  // The attack reaches the messages (otherwise these tests would prove nothing).
  expect(messages.filter((message) => message.includes(EVIL_DECODED)).length).toBeGreaterThan(2);
  return results;
}

function expectNoInjection(output: string): void {
  expect(output.replace(SGR, '')).not.toMatch(CONTROL);
  for (const line of output.split('\n')) expect(line.trim().startsWith('::'), line).toBe(false);
}

describe('stylish output cannot be injected into', () => {
  it.each([false, true])('color %s: no control character but its own colours, one line per finding', (color) => {
    const results = lint();
    const output = formatStylish(results, { color });
    expectNoInjection(output);
    const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
    // A blank line, the file, one row per finding, a blank line, the summary, the final newline.
    expect(output.split('\n')).toHaveLength(findings + 5);
    expect(output).toContain('\\u001b]8;;https://evil.example\\u0007\\u001b[2J');
    expect(output).toContain('<script>&amp;"\'</script>');
  });

  it('shows a file name with control characters and line breaks escaped', async () => {
    const dir = tempDir();
    const name = 'evil\u001b[2J\n::error::x\r.yaml';
    writeFileSync(join(dir, name), TEXT.replace(`name: "web${EVIL}"`, 'name: web\n  name: twice'));
    const { results } = await lintFiles([dir], { registry: [] });
    const output = formatStylish(results, { color: false });
    expectNoInjection(output);
    expect(output).toContain(`${dir}/evil\\u001b[2J\\n::error::x\\u000d.yaml`);
  });

  it('through the CLI, from a file on disk', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests', 'evil.yaml'), TEXT);
    const { code, stdout, stderr } = stslint(['manifests', '--rule', 'schema=off'], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expectNoInjection(stdout);
    expect(stdout).toContain('::error file=a.yaml,line=1::pwned');
  });
});

describe('json output cannot be injected into', () => {
  it('is one line of JSON without raw control characters, and gives the messages back exactly', () => {
    const results = lint();
    const output = formatJson(results);
    expect(output).not.toContain('\n');
    expectNoInjection(output);
    expect(JSON.parse(output)).toEqual(results);
  });
});
