import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/types.js';

/** Real public manifests (see ../shared/corpus/SOURCES.md), never copied into the repository. */
export const CORPUS = resolve('../shared/corpus');

describe.skipIf(!existsSync(CORPUS))('the real corpus, through the built CLI', () => {
  it('lints every file without a crash, a syntax or a shape finding', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'stslint-')), 'corpus.json');
    const child = spawnSync(process.execPath, ['bin/stslint.js', 'lint', CORPUS, '-f', 'json', '-o', out], { encoding: 'utf8' });
    // Standard error holds at most the count of objects that had no schema (old apiVersions here), and why it exits 1.
    expect(child.stderr).toMatch(/^(stslint: \d+ objects were not schema-validated[^\n]*\n)?(stslint: \d+ errors? found \(see the report\): exit 1\n)?$/);
    expect([0, 1]).toContain(child.status);
    const results = JSON.parse(readFileSync(out, 'utf8')) as LintResult[];
    expect(results.length).toBeGreaterThan(90);
    const broken = results.flatMap((result) =>
      result.messages
        .filter((message) => ['yaml-syntax', 'resource-shape', 'internal-error'].includes(message.ruleId ?? ''))
        .map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId} ${message.message}`),
    );
    expect(broken).toEqual([]);
  }, 120_000);
});
