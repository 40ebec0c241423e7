import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, findConfig, loadConfig } from '../src/config.js';
import { rules } from '../rules/index.js';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stslint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('config files', () => {
  it('is found by walking up from the working directory', () => {
    const dir = write({ '.stslint.yml': 'rules: {}\n', 'a/b/x.yaml': '' });
    expect(findConfig(join(dir, 'a', 'b'))).toBe(join(dir, '.stslint.yml'));
  });

  it('reads rules, ignore patterns, version and strict', () => {
    const dir = write({
      '.stslint.yaml': 'rules:\n  duplicate-resource: warn\n  selector-label-mismatch: [error]\nignorePatterns: ["charts/**"]\nkubernetesVersion: "1.30"\nstrict: true\n',
    });
    expect(loadConfig(join(dir, '.stslint.yaml'))).toMatchObject({
      rules: { 'duplicate-resource': 'warn', 'selector-label-mismatch': ['error'] },
      ignorePatterns: ['charts/**'],
      kubernetesVersion: '1.30',
      strict: true,
    });
  });

  it.each([
    ['rules:\n  no-such-rule: error\n', ".stslint.yaml:2:3: Unknown rule 'no-such-rule' (see stslint rules)"],
    ['rules:\n  duplicate-resource: loud\n', ".stslint.yaml:2:3: Invalid severity 'loud' for rule 'duplicate-resource': use off, warn or error"],
    ['rules:\n  duplicate-resource: [warn, 3]\n', ".stslint.yaml:2:3: Invalid setting for rule 'duplicate-resource': use a severity, or [severity, options] with an object of the rule's options"],
    ['namespace: Data\n', ".stslint.yaml:1:1: namespace: 'Data' is not a valid namespace name"],
    ['rule:\n  duplicate-resource: off\n', ".stslint.yaml:1:1: Unknown key 'rule'"],
    ['kubernetesVersion: 1.30\n', '.stslint.yaml:1:1: kubernetesVersion must be string'],
    ['rules: [\n', '.stslint.yaml:2:1:'],
    // The line indented one column too far, at its ':' (kubectl: "line 3: mapping values are not allowed in this context").
    ['rules:\n  pdb-missing: error\n   statefulset-pvc-retention: warn\n', '.stslint.yaml:3:29: Mapping value not allowed here: this line is read as part of the value on the line above (is it indented too far?)'],
    ['rules: {}\n---\nstrict: true\n', '.stslint.yaml:2:1: A config file holds one YAML document; a second one starts here (remove the --- line or split the file)'],
    ['a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n', '.stslint.yaml:1:1: the config cannot be loaded: Excessive alias count'],
  ])('rejects %j with a message naming the file and the key', (text, message) => {
    const dir = write({ '.stslint.yaml': text });
    expect(() => loadConfig(join(dir, '.stslint.yaml'))).toThrow(join(dir, message));
  });

  it('quotes a 100 KB key or value in at most 200 characters, and never the YAML library\'s own advice', () => {
    const long = 'k'.repeat(100_000);
    for (const text of [`${long}: 1\n`, `rules:\n  ${long}: error\n`, 'rules: {}\n---\n---\n']) {
      const dir = write({ '.stslint.yaml': text });
      let message = '';
      try {
        loadConfig(join(dir, '.stslint.yaml'));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message.length).toBeGreaterThan(0);
      expect(message.length).toBeLessThan(dir.length + 320);
      expect(message).not.toMatch(/YAML\.parse|please use/);
    }
  });

  it('has a schema that knows every rule, shipped as schemas/stslint-config.schema.json', async () => {
    const schema = configSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties)).toEqual(rules.map((rule) => rule.meta.id));
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync('schemas/stslint-config.schema.json', 'utf8'))).toEqual(configSchema());
  });
});

describe('rule options in the config file', () => {
  it('accepts the documented options of deployment-database and rejects unknown ones', () => {
    const dir = write({ '.stslint.yaml': 'rules:\n  deployment-database: [warning, {images: [acme/ledger]}]\n' });
    expect(loadConfig(join(dir, '.stslint.yaml')).rules).toEqual({ 'deployment-database': ['warning', { images: ['acme/ledger'] }] });
    const bad = write({ '.stslint.yaml': 'rules:\n  deployment-database: [warn, {image: [x]}]\n' });
    expect(() => loadConfig(join(bad, '.stslint.yaml'))).toThrow("Unknown key 'rules.deployment-database.1.image'");
  });

  it('passes the options to the rule', async () => {
    const { lintSources } = await import('../src/lint.js');
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: l}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: l, image: acme/ledger:1}\n';
    const ids = (rules: Record<string, unknown>) =>
      lintSources([{ path: 'a.yaml', text: deployment }], { rules: rules as never }).results[0].messages.map((m) => m.ruleId);
    expect(ids({})).not.toContain('deployment-database');
    expect(ids({ 'deployment-database': ['warn', { images: ['acme/ledger'] }] })).toContain('deployment-database');
  });
});
