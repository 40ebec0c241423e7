/**
 * The same input gives the same report on every machine: nothing is ordered by the collation of the locale
 * (localeCompare), which differs between LANG=sv_SE.UTF-8 (ä after z) and en_US.UTF-8 (ä beside a).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byNaturalOrder } from '../../src/util/compare.js';
import { BIN, tempDir } from '../reliability/helpers.js';

const LOCALES = ['sv_SE.UTF-8', 'en_US.UTF-8'];

function underLocale(locale: string, args: string[], cwd: string) {
  const env = { ...process.env, LANG: locale, LC_ALL: locale, NO_COLOR: '1' };
  const child = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('reports do not depend on the locale', () => {
  it('the child processes really collate differently (the test can fail)', () => {
    const sorted = LOCALES.map((locale) => underLocale(locale, ['-p', "['ä', 'z'].sort((a, b) => a.localeCompare(b)).join('')"], tempDir()).stdout);
    expect(sorted).toEqual(['zä\n', 'äz\n']);
  });

  it('the CLI gives the same report and notes under both locales, ordered by code units', () => {
    const dir = tempDir();
    const kinds = ['Zebra', 'Äpple', 'apple', 'Apple'];
    const objects = kinds.map((kind, i) => `apiVersion: example.com/v1\nkind: ${kind}\nmetadata: {name: o${i}}\n`);
    writeFileSync(join(dir, 'crs.yaml'), `apiVersion: v1\nkind: ConfigMap # stslint-disable-line zebra-rule, äpple-rule\nmetadata: {name: a}\n---\n${objects.join('---\n')}`);
    for (const format of ['stylish', 'json', 'sarif', 'compact', 'junit', 'github']) {
      const [sv, en] = LOCALES.map((locale) => underLocale(locale, [BIN, 'crs.yaml', '-f', format], dir));
      expect(sv, format).toEqual(en);
    }
    const { stderr } = underLocale('sv_SE.UTF-8', [BIN, 'crs.yaml'], dir);
    expect(stderr).toContain('example.com/v1/Apple (1), example.com/v1/Zebra (1), example.com/v1/apple (1), example.com/v1/Äpple (1)');
  });

  it('findings that tie on position and rule are ordered by their message in code units', () => {
    const script = `
      const { toResults } = await import(${JSON.stringify(resolve('dist/src/linter/results.js'))});
      const at = { file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, ruleId: 'schema', severity: 'error' };
      const findings = ['zebra', 'äpple', 'apple', 'Zebra'].map((name) => ({ ...at, message: name }));
      console.log(toResults(findings, [], ['a.yaml'])[0].messages.map((m) => m.message).join(' '));`;
    const [sv, en] = LOCALES.map((locale) => underLocale(locale, ['--input-type=module', '-e', script], tempDir()));
    expect(sv).toEqual({ code: 0, stdout: 'Zebra apple zebra äpple\n', stderr: '' });
    expect(en).toEqual(sv);
  });

  it('claims are listed with their ordinals in numeric order, the rest by code units', () => {
    const names = ['data-web-10', 'data-web-9', 'data-äpple-1', 'data-web-100', 'data-zebra-1', 'data-web-09', 'logs-web-2'];
    expect(names.sort(byNaturalOrder)).toEqual(['data-web-09', 'data-web-9', 'data-web-10', 'data-web-100', 'data-zebra-1', 'data-äpple-1', 'logs-web-2']);
  });
});
