import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scratchProject } from '../helpers/project.js';

describe('the library API, imported by package name from another project', () => {
  it('lints text and formats the results through the package entry point (exports and types)', () => {
    const project = scratchProject({
      'check.mjs': `import { formatResults, lintText, rules } from 'stslint';
const text = 'apiVersion: apps/v1\\nkind: StatefulSet\\nmetadata: {name: web}\\nspec:\\n  replicas: 3.5\\n';
const run = lintText(text, { filePath: 'web.yaml', rules: { 'statefulset-volume-claim-templates': 'off' } });
const rulesMeta = Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta]));
process.stdout.write(await formatResults('compact', run.results, { cwd: process.cwd(), color: false, rulesMeta }));
`,
    });
    const child = spawnSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toContain('web.yaml: line 4, col 1, Error - ');
    expect(child.stdout).toMatch(/\(schema\)/);
  });
});
