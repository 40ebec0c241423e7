import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// The built CLI: src/cli.ts reads package.json relative to dist/ (npm test builds first).
import { main } from '../../dist/src/cli.js';
import { lintSources } from '../../src/lint.js';
import type { LintResult } from '../../src/types.js';
import type { Rule } from '../../src/linter/rule.js';
import { tempDir } from './helpers.js';

/** A rule with a bug: it throws on every StatefulSet. */
const throwing = vi.hoisted(
  (): Rule => ({
    meta: { id: 'zz-throws', severity: 'error', description: 'Throw on every StatefulSet', messages: {} },
    check(resource) {
      if (resource.kind === 'StatefulSet') throw new TypeError("Cannot read properties of null (reading 'spec')");
    },
  }),
);

// The CLI runs the built-in registry: this file adds the throwing rule to it.
vi.mock('../../dist/rules/index.js', async (importOriginal) => {
  const original = await importOriginal<{ rules: Rule[] }>();
  return { rules: [...original.rules, throwing] };
});

const TEXT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  namespace: shop
spec: null
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  name: b
`;

describe('a rule that throws is a bug, reported without stopping the run', () => {
  it('becomes an internal-error finding naming the rule and the object, at the object', () => {
    const run = lintSources([{ path: 'a.yaml', text: TEXT }], { registry: [throwing] });
    expect(run.internalError).toBe(true);
    expect(run.results[0].messages).toEqual([
      expect.objectContaining({
        ruleId: 'internal-error',
        severity: 2,
        fatal: true,
        message: "Rule 'zz-throws' failed on StatefulSet 'web': Cannot read properties of null (reading 'spec')",
        line: 2,
        column: 1,
        kind: 'StatefulSet',
        namespace: 'shop',
        name: 'web',
      }),
      expect.objectContaining({ ruleId: 'duplicate-key', line: 12 }),
    ]);
  });

  it('lets the CLI report every other finding and exit 2 at the end', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), TEXT);
    let stdout = '';
    const code = await main({
      argv: [join(dir, 'a.yaml'), '-f', 'json'],
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      readStdin: async () => ({ bytes: new Uint8Array(), complete: true }),
      isTTY: false,
      env: {},
      cwd: dir,
    });
    expect(code).toBe(2);
    const [result] = JSON.parse(stdout) as LintResult[];
    expect(result.messages.map((m) => m.ruleId)).toContain('internal-error');
    expect(result.messages.map((m) => m.ruleId)).toContain('duplicate-key');
  });
});
