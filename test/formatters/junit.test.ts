import { describe, expect, it } from 'vitest';
import { formatResults } from '../../src/formatters/index.js';
import { lint, mismatchedDeployment, ODD_VALUES, RULES_META } from './manifests.js';
import { parseXml } from './parsers.js';

const CWD = '/work/project';

const junit = (files: Record<string, string>) => formatResults('junit', lint(files), { cwd: CWD, color: false, rulesMeta: RULES_META });

describe('junit formatter', () => {
  it('writes well-formed XML: one testsuite per file, a failing testcase per finding, a passing one for a clean file', async () => {
    const xml = await junit({
      '/work/project/manifests/web.yaml': mismatchedDeployment('web', 'web') + '---\n' + mismatchedDeployment('web2', 'web'),
      '/work/project/clean.yaml': mismatchedDeployment('clean', 'api'),
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root).toMatchObject({ name: 'testsuites', attributes: { name: 'stslint', tests: '3', failures: '2' } });
    const [clean, web] = root.children;
    expect(clean).toMatchObject({ name: 'testsuite', attributes: { name: 'clean.yaml', tests: '1', failures: '0' } });
    expect(clean.children).toEqual([
      { name: 'testcase', attributes: { name: 'clean.yaml', classname: 'clean', file: 'clean.yaml', time: '0' }, children: [], text: '' },
    ]);
    expect(web).toMatchObject({ name: 'testsuite', attributes: { name: 'manifests/web.yaml', tests: '2', failures: '2' } });
    const [first] = web.children;
    expect(first.attributes).toEqual({ name: 'selector-label-mismatch 8:7', classname: 'manifests/web', file: 'manifests/web.yaml', line: '8', time: '0' });
    const [failure] = first.children;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({
      message: "Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'web'",
      type: 'selector-label-mismatch',
    });
    expect(failure.text.split('\n')).toEqual([
      "error selector-label-mismatch: Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'web'",
      'at manifests/web.yaml:8:7-8:17 (Deployment default/web spec.selector.matchLabels.app)',
      'docs: https://github.com/stslint/stslint/blob/main/rules/selector-label-mismatch/README.md',
    ]);
  });

  it('escapes <&>"\' so that manifest text stays text', async () => {
    const xml = await junit({ '/work/project/x.yaml': mismatchedDeployment('x', ODD_VALUES.xml) });
    const root = parseXml(xml);
    const testcases = root.children[0].children;
    expect(testcases).toHaveLength(1);
    const [failure] = testcases[0].children;
    expect(failure.children).toEqual([]);
    expect(failure.attributes.message).toContain('app=</failure></testcase><testcase name="x">&amp;\' does not match');
    expect(failure.text).toContain('app=</failure></testcase><testcase name="x">&amp;\' does not match');
    expect(xml).toContain('app=&lt;/failure&gt;&lt;/testcase&gt;&lt;testcase name=&quot;x&quot;&gt;&amp;amp;&apos; does not match');
  });

  it('makes characters that XML 1.0 forbids visible (control characters, lone surrogates, U+FFFE/U+FFFF)', async () => {
    const xml = await junit({
      '/work/project/c.yaml': mismatchedDeployment('c', `${ODD_VALUES.clearScreen}\\x00\\x0b\\x7f\\ud800 \\udc00 \\uffff 😀`),
    });
    const failure = parseXml(xml).children[0].children[0].children[0];
    expect(failure.attributes.message).toContain('app=\\u001b[2J\\u001b[H\\u0000\\u000b\\u007f\\ud800 \\udc00 \\uffff 😀 does not match');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  it('is checked by a parser that rejects what it must (the check can fail)', () => {
    expect(() => parseXml('<a>\u001b</a>')).toThrow();
    expect(() => parseXml('<a b="<"/>')).toThrow();
    expect(() => parseXml('<a>&</a>')).toThrow();
    expect(() => parseXml('<a></b>')).toThrow();
  });
});
