import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';

function manyFiles(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-progress-'));
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `c${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
  }
  return dir;
}

async function run(dir: string, overrides: Partial<Io>): Promise<string> {
  let stderr = '';
  await main({
    argv: [dir, '-f', 'json'],
    stdout: () => {},
    stderr: (text) => (stderr += text),
    readStdin: async () => ({ bytes: new Uint8Array(), complete: true }),
    isTTY: false,
    env: {},
    cwd: dir,
    ...overrides,
  });
  return stderr;
}

describe('progress line', () => {
  const big = manyFiles(201);

  it('counts files on a terminal past 200 files, and erases itself', async () => {
    const stderr = await run(big, { stderrIsTTY: true });
    expect(stderr).toContain('\rstslint: 50/201 files');
    expect(stderr).toContain('\rstslint: 201/201 files');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('stays off on a pipe, in CI, and for 200 files or fewer', async () => {
    expect(await run(big, { stderrIsTTY: false })).toBe('');
    expect(await run(big, { stderrIsTTY: true, env: { CI: 'true' } })).toBe('');
    expect(await run(manyFiles(200), { stderrIsTTY: true })).toBe('');
  });
});
