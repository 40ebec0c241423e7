import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDir, removeTemporaryDirs } from './distribution.js';

/**
 * `npm run release` (scripts/release.mjs) in a temporary clone of this repository, with the real git. The clone's
 * `build` and `test` scripts are replaced by quick commands (this suite cannot run itself), so each case states what
 * they do; everything else (versions, CHANGELOG.md, README.md, the work tree, the tag) is the repository's own.
 */
const ROOT = resolve('.');
const RELEASE = join(ROOT, 'scripts', 'release.mjs');
const isGitCheckout = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() === 'true';
afterAll(removeTemporaryDirs);

function git(cwd: string, ...args: string[]): string {
  const child = spawnSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.com', ...args], { cwd, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`git ${args.join(' ')}: ${child.stderr}`);
  return child.stdout;
}

/** A clone of HEAD whose build and test scripts are the given commands (committed, so the tree is clean). */
function clone(build = 'node -e 0', test = 'node -e 0'): { dir: string; version: string } {
  const dir = join(emptyDir('release'), 'stslint');
  git(ROOT, 'clone', '--quiet', '--no-hardlinks', ROOT, dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  manifest.scripts = { ...manifest.scripts, build, test, pretest: undefined };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  commitAll(dir, 'test: quick build and test');
  return { dir, version: manifest.version };
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', message);
}

function release(dir: string, ...args: string[]) {
  // The environment of a shell, not that of the `npm test` running this file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  const child = spawnSync(process.execPath, [RELEASE, ...args], { cwd: dir, env, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, tags: git(dir, 'tag', '--list').trim() };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file}: nothing to replace`);
  writeFileSync(file, edited);
}

describe.skipIf(!isGitCheckout)('npm run release, in a temporary clone (skipped outside a git checkout)', () => {
  it('--dry-run runs every check on this repository and makes no tag', () => {
    const { dir, version } = clone();
    const run = release(dir, version, '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✓ version\n✓ package\n✓ changelog\n✓ readme\n✓ clean\n {2}npm run build…\n {2}npm run test…\n✓ build\nready: git tag --annotate/);
    expect(run.status).toBe(0);
    expect(run.tags).toBe('');
  });

  it('makes the annotated tag with the changelog entry, once', () => {
    const { dir, version } = clone();
    const run = release(dir, version);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.tags).toBe(`v${version}`);
    expect(git(dir, 'cat-file', '-t', `v${version}`).trim()).toBe('tag');
    const message = git(dir, 'tag', '--list', '--format=%(contents)', `v${version}`);
    expect(message).toMatch(new RegExp(`^stslint ${version.replace(/\./g, '\\.')}\n\n`));
    // Headings survive: git would strip lines starting with '#' without --cleanup=verbatim.
    expect(message).toContain('\n### Added\n');
    expect(git(dir, 'rev-parse', `v${version}^{commit}`)).toBe(git(dir, 'rev-parse', 'HEAD'));
    const again = release(dir, version);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`release: tag v${version} exists already\n`);
  });

  it('refuses a version that package.json does not have', () => {
    const { dir, version } = clone();
    const run = release(dir, '9.9.9', '--dry-run');
    expect(run.stderr).toBe(`release: package.json says ${version}, not 9.9.9 (npm version 9.9.9 --no-git-tag-version, then npm run build)\n`);
    expect(run.status).toBe(1);
    expect(release(dir, '1.2', '--dry-run').stderr).toBe("release: '1.2' is not a semantic version (MAJOR.MINOR.PATCH)\n");
  });

  it('refuses a version without its changelog entry, and a README naming another version', () => {
    const first = clone();
    edit(join(first.dir, 'CHANGELOG.md'), `## [${first.version}] - `, '## [0.0.1] - ');
    commitAll(first.dir, 'test: no entry');
    expect(release(first.dir, first.version, '--dry-run').stderr).toBe(`release: CHANGELOG.md has no entry "## [${first.version}] - YYYY-MM-DD"\n`);

    const second = clone();
    edit(join(second.dir, 'README.md'), `rev: v${second.version}`, 'rev: v0.0.1');
    commitAll(second.dir, 'test: old rev');
    const run = release(second.dir, second.version, '--dry-run');
    expect(run.stderr).toMatch(new RegExp(`^release: README\\.md:\\d+ names rev: v0\\.0\\.1, not ${second.version.replace(/\./g, '\\.')}\n$`));
    expect(run.status).toBe(1);
    expect(run.tags).toBe('');
  });

  it('refuses a work tree with changes, failing tests, and a build that changes committed files', () => {
    const dirty = clone();
    writeFileSync(join(dirty.dir, 'notes.txt'), 'not committed\n');
    expect(release(dirty.dir, dirty.version).stderr).toBe('release: the work tree is not clean before the build:\n?? notes.txt\n');

    const failing = clone('node -e 0', 'node -e "process.exit(3)"');
    const run = release(failing.dir, failing.version);
    expect(run.stderr).toMatch(/^release: npm run test failed \(exit 3\):\n/);
    expect(run.status).toBe(1);
    expect(run.tags).toBe('');

    const stale = clone(`node -e "require('fs').appendFileSync('standalone/package.json', ' ')"`);
    const staleRun = release(stale.dir, stale.version);
    expect(staleRun.stderr).toBe('release: the work tree is not clean after the build and the tests (commit what `npm run build` wrote):\n M standalone/package.json\n');
    expect(staleRun.tags).toBe('');
  });

  it('exits 2 with its usage when no version is given', () => {
    const run = release(ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('usage: npm run release -- VERSION [--dry-run]\n');
  });
});
