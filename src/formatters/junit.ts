import { oneLine } from '../util/sanitize.js';
import type { LintMessage, LintResult, RuleMeta } from '../types.js';
import type { FormatterContext } from './context.js';
import { ruleDocsUrl } from './package-info.js';
import { pathFromCwd } from './paths.js';

/**
 * JUnit XML for CI test reports: one testsuite per file, one failing testcase per finding,
 * one passing testcase for a file without findings.
 */
export function formatJunit(results: readonly LintResult[], { cwd, rulesMeta }: Pick<FormatterContext, 'cwd' | 'rulesMeta'>): string {
  const suites = results.map((result) => testsuite(result, pathFromCwd(result.filePath, cwd), rulesMeta));
  const tests = results.reduce((sum, result) => sum + Math.max(result.messages.length, 1), 0);
  const failures = results.reduce((sum, result) => sum + result.messages.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="stslint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testsuite(result: LintResult, file: string, rulesMeta: Record<string, RuleMeta>): string {
  const classname = file.replace(/\.[^./\\]*$/, '');
  const header = (tests: number, failures: number) =>
    `  <testsuite name="${xml(file)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`;
  if (result.messages.length === 0) {
    return [header(1, 0), `    <testcase name="${xml(file)}" classname="${xml(classname)}" file="${xml(file)}" time="0"/>`, '  </testsuite>'].join('\n');
  }
  const cases = result.messages.map((message) => testcase(message, file, classname, rulesMeta));
  return [header(result.messages.length, result.messages.length), ...cases, '  </testsuite>'].join('\n');
}

function testcase(message: LintMessage, file: string, classname: string, rulesMeta: Record<string, RuleMeta>): string {
  const rule = message.ruleId ?? 'error';
  const severity = message.fatal || message.severity === 2 ? 'error' : 'warning';
  const range = `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
  const object = message.kind ? ` (${[message.kind, [message.namespace, message.name].filter(Boolean).join('/'), message.path].filter(Boolean).join(' ')})` : '';
  const details = [
    `${severity} ${rule}: ${message.message}`,
    `at ${file}:${range}${object}`,
    ...(message.ruleId && rulesMeta[message.ruleId] ? [`docs: ${ruleDocsUrl(message.ruleId)}`] : []),
  ];
  return [
    `    <testcase name="${xml(`${rule} ${message.line}:${message.column}`)}" classname="${xml(classname)}" file="${xml(file)}" line="${message.line}" time="0">`,
    `      <failure message="${xml(message.message)}" type="${xml(rule)}">${details.map(xml).join('\n')}</failure>`,
    '    </testcase>',
  ].join('\n');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML 1.0 content and attribute values: control characters, lone surrogates and U+FFFE/U+FFFF
 * (none of which XML 1.0 allows) are made visible as `\uXXXX`, then the five special characters escaped.
 */
function xml(text: string): string {
  return oneLine(text)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)
    .replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
