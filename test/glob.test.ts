/**
 * User glob patterns (src/load/glob.ts): the answers picomatch (`dot: true`) gives on ordinary patterns, in time
 * linear in the path, where picomatch's backtracking took seconds per name.
 */
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher, MAX_BRACE_EXPANSION } from '../src/load/glob.js';
import { UsageError } from '../src/util/errors.js';

const PATTERNS = [
  '*.yaml',
  '**/*.yaml',
  'deploy/**',
  'deploy/**/*.yml',
  'charts/*/templates/tests/**',
  '**/templates/**',
  'a/*/c',
  'a/**/c',
  '**/.hidden/*',
  '*.{yaml,yml}',
  'deploy/{prod,staging}/**/*.json',
  'f?.yaml',
  '[ab]*.yaml',
  '[^a]*.yaml',
  '[a-c]/x.yaml',
  'file[0-9].yaml',
  'x{1..3}.yaml',
  'a\\*b.yaml',
  './deploy/*.yaml',
  '**',
  '*',
  'deploy/*a*b*.yaml',
  'ünï/*.yaml',
];

const PATHS = [
  'a.yaml',
  'a.yml',
  '.a.yaml',
  'deploy/a.yaml',
  'deploy/prod/x.json',
  'deploy/staging/y/z.json',
  'deploy/dev/x.json',
  'deploy/x/y.yml',
  'deploy',
  'charts/db/templates/tests/t.yaml',
  'charts/db/templates/s.yaml',
  'a/b/c',
  'a/c',
  'a/b/d/c',
  'x/.hidden/f',
  'f1.yaml',
  'f12.yaml',
  'b1.yaml',
  'c/x.yaml',
  'd/x.yaml',
  'file7.yaml',
  'x2.yaml',
  'x4.yaml',
  'a*b.yaml',
  'axb.yaml',
  'deploy/xaybz.yaml',
  'deploy/ba.yaml',
  'ünï/é.yaml',
];

describe('user glob patterns', () => {
  it.each(PATTERNS)('%s matches what picomatch matches', (pattern) => {
    const ours = globMatcher([pattern], 'test');
    const theirs = picomatch(pattern, { dot: true });
    expect(PATHS.filter(ours)).toEqual(PATHS.filter((path) => theirs(path)));
  });

  it('reads [!a] as POSIX and gitignore do, as [^a] (picomatch reads a set of ! and a)', () => {
    expect(['a.yaml', 'b.yaml', '!.yaml'].filter(globMatcher(['[!a].yaml'], 'test'))).toEqual(['b.yaml', '!.yaml']);
  });

  it('cost time linear in the path: patterns that made picomatch backtrack for seconds or minutes', () => {
    const cases: [pattern: string, miss: string, hit: string][] = [
      // picomatch: about 10 s at 30 characters, doubling with each '*'
      [`${'*a'.repeat(12)}*b`, 'a'.repeat(250), `${'a'.repeat(250)}b`],
      // picomatch: 44 s at 500 levels
      ['**/a/**/a/**/a/**/b', `${'a/'.repeat(1000)}c`, `${'a/'.repeat(1000)}b`],
      ['**/*a*a*a*a*b', `${'a/'.repeat(200)}${'a'.repeat(250)}`, `${'a/'.repeat(200)}${'a'.repeat(250)}b`],
      [`${'{a,b}*'.repeat(4)}c`, 'ab'.repeat(120), `${'ab'.repeat(120)}c`],
    ];
    for (const [pattern, miss, hit] of cases) {
      const matches = globMatcher([pattern], 'test');
      const started = performance.now();
      expect([matches(miss), matches(hit)], pattern).toEqual([false, true]);
      expect(performance.now() - started, pattern).toBeLessThan(2_000); // hang guard
    }
  });

  it('takes a path back with a later !pattern, as ignore lists do', () => {
    const ignored = globMatcher(['charts/**', '!charts/db/values.yaml', 'charts/db/values.yaml.bak'], 'test');
    expect(['charts/a.yaml', 'charts/db/values.yaml', 'charts/db/values.yaml.bak', 'deploy/a.yaml'].filter(ignored)).toEqual([
      'charts/a.yaml',
      'charts/db/values.yaml.bak',
    ]);
  });

  it('refuses what it does not support, and braces that expand too far, naming the setting', () => {
    expect(() => globMatcher(['@(a|b).yaml'], 'ignorePatterns')).toThrow(
      new UsageError("ignorePatterns: '@(a|b).yaml' uses extended globs such as @(a|b), which stslint does not support in patterns"),
    );
    expect(() => globMatcher(['[[:alpha:]].yaml'], 'pattern')).toThrow(/POSIX classes/);
    expect(() => globMatcher(['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}.yaml'], 'pattern')).toThrow(
      new UsageError(`pattern: '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}.yaml' expands to more than ${MAX_BRACE_EXPANSION} patterns`),
    );
    expect(() => globMatcher(['x{1..100000}'], 'pattern')).toThrow(/expands to more than/);
  });
});
