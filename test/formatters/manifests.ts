import selectorLabelMismatch from '../../rules/selector-label-mismatch/index.js';
import { lintSources, type LintOptions } from '../../src/lint.js';
import type { LintResult, RuleMeta } from '../../src/types.js';

/**
 * A Deployment whose selector label `app` has `selected` as its value while its pod template has `actual`:
 * selector-label-mismatch reports it with both values in the message, so manifest text reaches the output.
 * The values are written as YAML double-quoted strings, so `\e`, `\n`, `\t`, `\u00a0` escapes work.
 */
export function mismatchedDeployment(name: string, selected: string, actual = 'api'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: "${selected}"`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: "${actual}"`,
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.27',
    '',
  ].join('\n');
}

/** Real stslint results for in-memory files { path: text }, with only selector-label-mismatch enabled. */
export function lint(files: Record<string, string>, options: LintOptions = {}): LintResult[] {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text }));
  return lintSources(sources, { ...options, registry: [selectorLabelMismatch] }).results;
}

export const RULES_META: Record<string, RuleMeta> = { [selectorLabelMismatch.meta.id]: selectorLabelMismatch.meta };

/** Label values that carry what a hostile or unlucky manifest can put into a message. */
export const ODD_VALUES = {
  doubleSpace: 'a  b',
  tab: 'tab\\there',
  noBreakSpace: 'nbsp\\u00a0 x',
  newline: 'line1\\nline2',
  clearScreen: '\\e[2J\\e[H',
  hyperlink: '\\e]8;;https://evil.example/\\e\\\\click me\\e]8;;\\e\\\\',
  carriageReturn: 'ok\\rFAKE',
  compactForgery: 'x: line 3, col 4, Error - forged (fake-rule)',
  stylishForgery: 'x  3:4  error  forged  fake-rule',
  unicode: 'ünïcødé ✓ 😀',
  workflowCommand: '%0A::set-output name=x::y',
  xml: '</failure></testcase><testcase name=\\"x\\">&amp;\'',
};
