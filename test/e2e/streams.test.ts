/**
 * Standard streams and report files as CI and shells use them, through the built CLI in a child process: a reader
 * that goes away, a full disk, empty, endless and non-blocking standard input, reports written atomically, and an
 * exit code that always says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, stslint, tempDir } from '../reliability/helpers.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
/** A Deployment whose selector does not match its template: one error finding. */
const MISMATCH = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: c, image: nginx:1.27}]\n`;
/** A StatefulSet with 3 replicas and no PodDisruptionBudget, no anti-affinity...: warnings only. */
const WARNINGS =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers: [{name: c, image: busybox:1.36}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports: [{port: 80}]\n';

/** A directory with `count` files of one error finding each: a report far larger than a pipe's buffer. */
function manyFindings(count: number): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'all.yaml'), Array.from({ length: count }, (_, i) => MISMATCH(`web-${i}`)).join('---\n'));
  return dir;
}

/** Run the CLI with its standard output closed by the reader before anything is written (EPIPE on the first write). */
function withReaderGone(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that goes away (EPIPE: stslint … | head -1)', () => {
  const dir = manyFindings(400);
  writeFileSync(join(dir, 'sts.yaml'), WARNINGS);

  it.each([
    ['stslint rules', ['rules'], 0],
    ['stslint lint (a large report)', ['lint', 'all.yaml'], 1],
    ['stslint plan -f json', ['plan', 'sts.yaml', '-f', 'json', '--replicas', '5000'], 0],
  ])('%s stops quietly, with the exit code of the run', async (_, args, code) => {
    expect(await withReaderGone(args as string[], dir)).toEqual({ code, stderr: '' });
  });

  it('through a real shell pipe into head -1', () => {
    const child = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lint all.yaml | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('\n');
  });
});

describe.skipIf(!existsSync('/dev/full'))('a full disk (/dev/full)', () => {
  it('standard output that cannot be written is exit 2 with one line, not a stack trace', () => {
    const dir = manyFindings(5);
    const child = spawnSync(process.execPath, [BIN, 'all.yaml'], { cwd: dir, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect({ code: child.status, stderr: child.stderr }).toEqual({ code: 2, stderr: 'stslint: cannot write the report to standard output: no space left on the device\n' });
  });

  it('an --output-file that cannot be written is exit 2 with one line', () => {
    const dir = manyFindings(5);
    expect(stslint(['all.yaml', '-f', 'json', '-o', '/dev/full'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'stslint: Cannot write the report to /dev/full: no space left on the device\n',
    });
  });
});

describe('an --output-file under a file', () => {
  it('is exit 2 with one line, not an internal error', () => {
    const dir = manyFindings(5);
    expect(stslint(['all.yaml', '-f', 'json', '-o', 'all.yaml/report.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: `stslint: Cannot write the report to ${join(dir, 'all.yaml/report.json')}: a directory on its path is a file\n`,
    });
  });
});

describe('standard input', () => {
  it.each([
    ['nothing at all', ''],
    ['blank lines', '\n\n  \n'],
    ['comments and document markers only', '# helm template failed\n---\n--- # nothing\n...\n'],
  ])('with %s is a usage error (exit 2, one line), for lint and plan', (_, input) => {
    const dir = tempDir();
    const message = 'stslint: Standard input is empty: no YAML document to lint (did the command before the pipe fail?)\n';
    expect(stslint(['-'], { cwd: dir, input })).toEqual({ code: 2, stdout: '', stderr: message });
    expect(stslint(['plan', '-'], { cwd: dir, input })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('with one document is linted', () => {
    expect(stslint(['-'], { cwd: tempDir(), input: `# rendered\n---\n${CONFIG_MAP}` })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is read only up to --max-file-size, while reading: an endless input ends with a finding', async () => {
    const child = spawn(process.execPath, [BIN, '-', '--max-file-size', '100000', '-f', 'json'], { cwd: tempDir() });
    const line = Buffer.from(`${'# endless\n'.repeat(1000)}`);
    const feed = () => {
      while (child.stdin.writable && child.stdin.write(line));
    };
    child.stdin.on('drain', feed);
    child.stdin.on('error', () => {}); // EPIPE once stslint stops reading
    feed();
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].messages.map((m: { message: string }) => m.message)).toEqual([
      'Input not read: it is larger than the limit of 100000 bytes (--max-file-size); reading stopped there',
    ]);
  }, 60_000);

  it.skipIf(!existsSync('/usr/bin/perl'))('that is non-blocking and not ready yet is waited for (no EAGAIN)', () => {
    // perl sets O_NONBLOCK on the pipe, then stslint starts; the writer sends the manifest two seconds later.
    const script = `use Fcntl; my $f = fcntl(STDIN, F_GETFL, 0); fcntl(STDIN, F_SETFL, $f | O_NONBLOCK); exec @ARGV`;
    const command = `(sleep 2; printf '${MISMATCH('web').replaceAll('\n', '\\n')}') | perl -e '${script}' "${process.execPath}" "${BIN}" - -f compact`;
    const child = spawnSync('sh', ['-c', command], { cwd: tempDir(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(child.stdout).toMatch(/^<stdin>: line 7, col 19, Error - .*\(selector-label-mismatch\)\n\n1 problem\n$/);
  });
});

describe('report files (--output-file)', () => {
  it('creates the directories of the path, as ESLint does, and leaves no temporary file', () => {
    const dir = manyFindings(2);
    const { code, stderr } = stslint(['all.yaml', '-f', 'sarif', '-o', 'reports/ci/x.sarif'], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 1, stderr: 'stslint: 2 errors found (see the report): exit 1\n' });
    expect(JSON.parse(readFileSync(join(dir, 'reports/ci/x.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
    expect(readdirSync(join(dir, 'reports/ci'))).toEqual(['x.sarif']);
  });

  it('writes through a link to the report, and in place to a path that is not a regular file (/dev/stdout)', () => {
    const dir = manyFindings(1);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'real.json'), 'old');
    symlinkSync('out/real.json', join(dir, 'link.json'));
    expect(stslint(['all.yaml', '-f', 'json', '-o', 'link.json'], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'real.json'), 'utf8'))).toHaveLength(1);
    // Through a pipe, as a shell gives it (Node's own child processes get a socket, which /dev/stdout cannot open).
    const viaStdout = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" all.yaml -f json -o /dev/stdout | cat`], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(viaStdout.stdout)).toHaveLength(1);
  });

  // SIGTERM (CI cancelling a job) and SIGINT (Ctrl-C) while the report is written: the previous report stays whole.
  it.each(['SIGTERM', 'SIGINT'] as const)('are never left half-written by %s during the write', async (signal) => {
    const dir = manyFindings(1);
    // An ESLint formatter that returns 150 MB of text: the write takes long enough to be interrupted.
    writeFileSync(join(dir, 'big.mjs'), "export default () => 'x'.repeat(150 * 1024 * 1024);\n");
    writeFileSync(join(dir, 'report.txt'), 'the previous report\n');
    const child = spawn(process.execPath, [BIN, 'all.yaml', '-f', './big.mjs', '-o', 'report.txt'], { cwd: dir, stdio: 'ignore' });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, received) => resolve(received)));
    // Signal as soon as the write shows in the directory: a temporary file appears, or the report itself changes.
    for (let writing = false; !writing && child.exitCode === null; ) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      writing = readdirSync(dir).length !== 3 || readFileSync(join(dir, 'report.txt'), 'utf8') !== 'the previous report\n';
    }
    child.kill(signal);
    expect(await closed).toBe(signal);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir).sort()).toEqual(['all.yaml', 'big.mjs', 'report.txt']);
  }, 60_000);
});

describe('messages quote values in bounded length', () => {
  it('a 100 KB kind, key, token or quantity gives no line longer than 1,400 characters, in the report or on stderr', () => {
    const dir = tempDir();
    const long = 'x'.repeat(100_000);
    writeFileSync(join(dir, 'long.yaml'), [
      `apiVersion: example.com/v1\nkind: K${long}\nmetadata: {name: a}\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  ${long}: 1\n  ${long}: 2\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b} ${long}\n`,
      `apiVersion: v1\nkind: LimitRange\nmetadata: {name: d}\nspec:\n  limits: [{type: Container, max: {memory: 1${'0'.repeat(100_000)}Gi}}]\n`,
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: busybox:1.36, volumeMounts: [{name: data, mountPath: /d}]}]}\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: "x${'0'.repeat(100_000)}Gi"}}}\n`,
    ].join('---\n'));
    const { code, stdout, stderr } = stslint(['long.yaml', '--strict', '-f', 'compact'], { cwd: dir });
    expect(code).toBe(1);
    const lines = [...stdout.split('\n'), ...stderr.split('\n')];
    // A placeholder is cut at 1,000 characters (src/linter/rule.ts), a value in a note or a usage error at 200.
    expect(lines.filter((line) => line.length > 1_400).map((line) => line.slice(0, 120))).toEqual([]);
    expect(stdout).toContain('duplicate-key');
    expect(stderr).toContain('not schema-validated');
  });
});

describe('every non-zero exit says why', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'sts.yaml'), WARNINGS);
  writeFileSync(join(dir, 'bad.yaml'), MISMATCH('web'));
  const tooMany = (found: number, quiet = false) =>
    `stslint: too many warnings: ${found} found${quiet ? ', not shown with --quiet' : ''}, at most 0 allowed (--max-warnings): exit 1\n`;

  it('--max-warnings exceeded: in the summary line and on standard error', () => {
    const { code, stdout, stderr } = stslint(['sts.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(code).toBe(1);
    const found = Number(/\((\d+) errors?, (\d+) warnings?\)/.exec(stdout)?.[2]);
    expect(found).toBeGreaterThan(0);
    expect(stdout).toMatch(/\n✖ \d+ problems? \(0 errors, \d+ warnings?\): too many warnings, at most 0 allowed \(--max-warnings\)\n$/);
    expect(stderr).toBe(tooMany(found));
    expect(stslint(['sts.yaml', '--max-warnings', String(found)], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });

  it('--quiet --max-warnings 0 prints nothing on standard output but says why on standard error', () => {
    const found = JSON.parse(stslint(['sts.yaml', '-f', 'json'], { cwd: dir }).stdout)[0].warningCount;
    expect(stslint(['sts.yaml', '--quiet', '--max-warnings', '0'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: tooMany(found, true) });
  });

  it('errors reported only to files are counted on standard error', () => {
    expect(stslint(['bad.yaml', '-f', 'sarif', '-o', 'out.sarif'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'stslint: 1 error found (see the report): exit 1\n' });
  });

  it('an ESLint formatter is told, as ESLint tells it (context.maxWarningsExceeded)', () => {
    writeFileSync(join(dir, 'context.mjs'), 'export default (results, context) => JSON.stringify(context.maxWarningsExceeded ?? null);\n');
    const { stdout } = stslint(['sts.yaml', '-f', './context.mjs', '--max-warnings', '1'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ maxWarnings: 1, foundWarnings: expect.any(Number) });
    expect(JSON.parse(stslint(['sts.yaml', '-f', './context.mjs'], { cwd: dir }).stdout)).toBe(null);
  });
});
