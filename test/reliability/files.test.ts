import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/load/files.js';
import { decodeManifest, readManifest } from '../../src/load/read.js';
import { UsageError } from '../../src/util/errors.js';
import { lintFiles } from '../../src/lint.js';
import type { LintResult } from '../../src/types.js';
import { BIN, stslint, tempDir } from './helpers.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

/** { file name relative to dir: ['line:column message'] } for every file of a run. */
function byFile(dir: string, results: LintResult[]): Record<string, string[]> {
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.slice(dir.length + 1),
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    ]),
  );
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('bytes that are not UTF-8 YAML text', () => {
  it.each([
    ['NUL bytes in YAML text, at the first one', encode(`${CONFIG_MAP}data:\n  x: a\u0000b\n`), '6:7', /NUL bytes: it is binary/],
    ['a binary file (a PNG header)', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '3:1', /binary/],
    ['invalid UTF-8, at the first bad byte', Uint8Array.from([...encode(`${CONFIG_MAP}data:\n  x: caf`), 0xc3, 0x28, 0x0a]), '6:9', /not valid UTF-8/],
    ['a truncated UTF-8 sequence at the end', Uint8Array.from([...encode('a: '), 0xe2, 0x82]), '1:4', /not valid UTF-8/],
    ['UTF-16 little-endian text', Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x3a, 0, 0x20, 0, 0x31, 0]), '1:1', /UTF-16/],
    ['UTF-16 big-endian text', Uint8Array.from([0xfe, 0xff, 0, 0x61, 0, 0x3a, 0, 0x20, 0, 0x31]), '1:1', /UTF-16/],
  ])('%s is a finding', (_, bytes, position, message) => {
    const read = decodeManifest('bad.yaml', bytes);
    expect('finding' in read && `${read.finding.line}:${read.finding.column}`).toBe(position);
    expect('finding' in read && read.finding.message).toMatch(message);
  });

  it('reads a UTF-8 byte-order mark as text', () => {
    expect(decodeManifest('bom.yaml', Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(CONFIG_MAP)]))).toEqual({ text: CONFIG_MAP });
  });

  it('reports each bad file of a walked directory and lints the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'binary.yaml'), Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    writeFileSync(join(dir, 'latin1.yaml'), Uint8Array.from([...encode('name: caf'), 0xe9, 0x0a]));
    writeFileSync(join(dir, 'good.yaml'), `${CONFIG_MAP}  name: b\n`);
    const run = await lintFiles([dir], { registry: [] });
    expect(byFile(dir, run.results)).toEqual({
      'binary.yaml': ['1:5 yaml-syntax File contains NUL bytes: it is binary, not YAML text'],
      'good.yaml': ["5:3 duplicate-key Duplicate key 'name': kubectl keeps one value, in practice the last, and strict field validation never sees the other (kubectl converts YAML to JSON before sending); a client that sends this YAML as is is refused under strict field validation"],
      'latin1.yaml': ['1:10 yaml-syntax File is not valid UTF-8 text'],
    });
  });
});

describe('files that cannot be read', () => {
  it('says a file vanished between the walk and the read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gone.yaml'), CONFIG_MAP);
    const [path] = (await expandPaths([dir])).files;
    unlinkSync(path);
    expect(await readManifest(path)).toMatchObject({ finding: { file: path, message: 'File not found: it was removed before it could be read' } });
  });

  it('refuses a named pipe without waiting for a writer, and a device', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'good.yaml'), CONFIG_MAP);
    const run = await lintFiles([dir], { registry: [] });
    expect(byFile(dir, run.results)).toEqual({ 'good.yaml': [], 'pipe.yaml': ['1:1 yaml-syntax Not a regular file (named pipe): not read'] });
    expect(await readManifest('/dev/zero')).toMatchObject({ finding: { message: 'Not a regular file (device): not read' } });
  });

  it('walks a directory named like a file, and says an empty one holds no manifests', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dir.yaml'));
    writeFileSync(join(dir, 'dir.yaml', 'inner.yaml'), CONFIG_MAP);
    mkdirSync(join(dir, 'empty.yaml'));
    expect((await expandPaths(['dir.yaml'], dir)).files).toEqual([join(dir, 'dir.yaml', 'inner.yaml')]);
    await expect(expandPaths(['empty.yaml'], dir)).rejects.toThrow(new UsageError("No manifests (.yaml, .yml, .json) in the directory 'empty.yaml'"));
    expect(await readManifest(join(dir, 'dir.yaml'))).toMatchObject({ finding: { message: 'Path is a directory, not a file' } });
  });

  it('reports broken links and looping links, does not enter links to directories, and lints each file once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'app.yaml'), CONFIG_MAP);
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('sub', join(dir, 'alias'));
    symlinkSync('sub/app.yaml', join(dir, 'app-link.yaml'));
    symlinkSync('missing.yaml', join(dir, 'broken.yaml'));
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    symlinkSync('missing', join(dir, 'broken-dir'));
    const run = await lintFiles([dir], { registry: [] });
    expect(byFile(dir, run.results)).toEqual({
      'broken.yaml': ["1:1 yaml-syntax Broken symbolic link: its target 'missing.yaml' does not exist"],
      'self.yaml': ['1:1 yaml-syntax Symbolic link loop: the link leads back to itself; not read'],
      'sub/app.yaml': [],
    });
    // Both links to directories lead inside the walked one: their files are found under their own path.
    expect(run.stats.linksNotFollowed).toEqual([]);
  });

  it('reports a broken link given explicitly, and fails on a path that does not exist', async () => {
    const dir = tempDir();
    symlinkSync('missing.yaml', join(dir, 'broken.yaml'));
    expect((await expandPaths(['broken.yaml'], dir)).files).toEqual([join(dir, 'broken.yaml')]);
    await expect(expandPaths(['nope.yaml'], dir)).rejects.toThrow(new UsageError('No such file or directory: nope.yaml'));
  });

  it('expands globs with the same care: no loop through links, each file once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.yaml'), CONFIG_MAP);
    symlinkSync('..', join(dir, 'a', 'loop'));
    symlinkSync('a', join(dir, 'b'));
    expect((await expandPaths(['**/*.yaml'], dir)).files).toEqual([join(dir, 'a', 'one.yaml')]);
    expect((await expandPaths(['*/one.yaml'], dir)).files).toEqual([join(dir, 'a', 'one.yaml')]);
  });
});

describe('permissions (the built CLI, as an unprivileged user)', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'repo'));
  mkdirSync(join(dir, 'repo', 'locked'));
  writeFileSync(join(dir, 'repo', 'locked', 'hidden.yaml'), CONFIG_MAP);
  writeFileSync(join(dir, 'repo', 'secret.yaml'), CONFIG_MAP);
  writeFileSync(join(dir, 'repo', 'good.yaml'), CONFIG_MAP);
  chmodSync(join(dir, 'repo', 'locked'), 0);
  chmodSync(join(dir, 'repo', 'secret.yaml'), 0);
  const args = ['--rule', 'schema=off', '-f', 'json'];

  it('reports an unreadable file and an unreadable directory inside a walk as findings (exit 1)', () => {
    const { code, stdout, stderr } = stslint(['repo', ...args], { cwd: dir, unprivileged: true });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(byFile(join(dir, 'repo'), JSON.parse(stdout) as LintResult[])).toEqual({
      'good.yaml': [],
      locked: ['1:1 yaml-syntax Directory not read: permission denied; the files in it were not linted'],
      'secret.yaml': ['1:1 yaml-syntax File not read: permission denied'],
    });
  });

  it('reports an unreadable file named explicitly, and exits 2 naming a missing one', () => {
    const unreadable = stslint(['repo/secret.yaml', ...args], { cwd: dir, unprivileged: true });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain('File not read: permission denied');
    const missing = stslint(['repo/good.yaml', 'repo/nope.yaml'], { cwd: dir, unprivileged: true });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'stslint: No such file or directory: repo/nope.yaml\n' });
  });
});

describe('directory walks', () => {
  it('enter no link to a directory: links that fan out (2·18 links, 2^18 paths) cost one walk of each real directory', async () => {
    const dir = tempDir();
    const depth = 18;
    for (let level = 0; level <= depth; level++) {
      mkdirSync(join(dir, `d${level}`));
      writeFileSync(join(dir, `d${level}`, 'cm.yaml'), CONFIG_MAP.replace('name: a', `name: c${level}`));
      if (level > 0) {
        symlinkSync(join(dir, `d${level}`), join(dir, `d${level - 1}`, 'a'));
        symlinkSync(join(dir, `d${level}`), join(dir, `d${level - 1}`, 'b'));
      }
    }
    const started = Date.now();
    const { files, linksNotFollowed } = await expandPaths([join(dir, 'd0')]);
    expect(Date.now() - started).toBeLessThan(10_000); // hang guard: the old walk took 33 s here, then overflowed the stack
    // Walked from d0, the other levels are outside it: their links are told, not followed.
    expect(files).toEqual([join(dir, 'd0', 'cm.yaml')]);
    expect(linksNotFollowed).toEqual([join(dir, 'd0', 'a'), join(dir, 'd0', 'b')]);
    expect((await expandPaths([dir])).files).toHaveLength(depth + 1);
  });

  it('do not walk the whole machine through a link to / beside a manifest; the CLI says it did not follow it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cm.yaml'), CONFIG_MAP);
    symlinkSync('/', join(dir, 'root'));
    expect(stslint(['.'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'stslint: 1 symbolic link to a directory outside the walked one was not followed (name a link to lint what it points to): root\n',
    });
    // Named explicitly, a link is followed: the user asked for it.
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'other.yaml'), CONFIG_MAP.replace('name: a', 'name: b'));
    const outside = tempDir();
    symlinkSync(join(dir, 'shared'), join(outside, 'shared-link'));
    expect(stslint(['shared-link', '-f', 'json'], { cwd: outside }).stdout).toContain(join(outside, 'shared-link', 'other.yaml'));
  });

  it('list 130,000 files of one directory without a call-stack limit (no push(...items))', async () => {
    const dir = tempDir();
    for (let i = 0; i < 130_000; i++) closeSync(openSync(join(dir, `f${i}.yaml`), 'w'));
    const { files } = await expandPaths([dir]);
    expect(files).toHaveLength(130_000);
    expect(files[0]).toBe(join(dir, 'f0.yaml'));
  }, 120_000);
});

describe('names and special files', () => {
  const nonUtf8 = (dir: string) => Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.yaml')]);

  it('a file whose name is not UTF-8 is reported as such, found in a walk or named explicitly', async () => {
    const dir = tempDir();
    writeFileSync(nonUtf8(dir), CONFIG_MAP);
    writeFileSync(join(dir, 'good.yaml'), CONFIG_MAP.replace('name: a', 'name: b'));
    const expected = ['1:1 yaml-syntax File not read: its name is not valid UTF-8 (stslint shows such bytes as U+FFFD); rename it'];
    const run = await lintFiles([dir], { registry: [] });
    expect(byFile(dir, run.results)).toEqual({ 'caf\uFFFD.yaml': expected, 'good.yaml': [] });
    // The shell passes the raw bytes; Node decodes them with U+FFFD, as it does names from readdir.
    const child = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" -f json "$(printf 'caf\\351.yaml')"`], { cwd: dir, encoding: 'utf8' });
    expect({ code: child.status, stderr: child.stderr }).toEqual({ code: 1, stderr: '' });
    expect(byFile(dir, JSON.parse(child.stdout))).toEqual({ 'caf\uFFFD.yaml': expected });
  });

  it.skipIf(!existsSync('/proc/self/status'))('a file whose size the system gives as 0 (procfs) is read to its end', async () => {
    const read = await readManifest('/proc/self/status');
    expect('text' in read && read.text).toMatch(/^Name:\t/);
    expect(await readManifest('/proc/self/status', 10)).toMatchObject({ finding: { message: expect.stringMatching(/^Input not read: it is larger than the limit of 10 bytes/) } });
  });
});

describe('ignore patterns', () => {
  it('a directory or glob whose files are all ignored fails as in ESLint (exit 2); an ignored file named explicitly is told', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'a.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, 'deploy', 'b.yml'), CONFIG_MAP.replace('name: a', 'name: b'));
    writeFileSync(join(dir, '.stslint.yaml'), 'ignorePatterns: ["deploy/*.{yaml,yml}"]\n');
    const config = join(dir, '.stslint.yaml');
    expect(stslint(['deploy'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: `stslint: All files matched by 'deploy' are ignored by ignorePatterns in ${config}\n` });
    expect(stslint(['deploy/*.y*ml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: `stslint: All files matched by 'deploy/*.y*ml' are ignored by ignorePatterns in ${config}\n` });
    expect(stslint(['deploy/a.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: `stslint: ${join(dir, 'deploy', 'a.yaml')} ignored by ignorePatterns in ${config}\n` });
    writeFileSync(join(dir, '.stslint.yaml'), 'ignorePatterns: ["deploy/*.yaml"]\n');
    expect(stslint(['deploy'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
