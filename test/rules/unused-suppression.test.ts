import { describe, expect, it } from 'vitest';
import duplicateResource from '../../rules/duplicate-resource/index.js';
import rule from '../../rules/unused-suppression/index.js';
import { lintSources } from '../../src/lint.js';

const service = (extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n${extra}spec:\n  clusterIP: None\n`;
const registry = [duplicateResource, rule];
const unused = (text: string, inlineConfig = true) =>
  lintSources([{ path: 'a.yaml', text }], { registry, inlineConfig }).results[0].messages.filter((m) => m.ruleId === rule.meta.id);

describe('unused-suppression', () => {
  it('reports a directive that suppresses nothing, at the comment', () => {
    const text = `${service()}---\n# stslint-disable-next-line duplicate-resource -- renamed later\n${service().replace('db', 'other')}`;
    expect(unused(text)).toEqual([
      expect.objectContaining({ line: 8, column: 1, endLine: 8, endColumn: 64, severity: 1, message: "Unused stslint-disable-next-line directive (no 'duplicate-resource' finding here to suppress)" }),
    ]);
  });

  it('stays silent when the directive suppresses a finding', () => {
    const text = `${service()}---\napiVersion: v1\nkind: Service\nmetadata:\n  # stslint-disable-next-line duplicate-resource -- kept on purpose\n  name: db\n`;
    const run = lintSources([{ path: 'a.yaml', text }], { registry });
    expect(run.results[0].messages).toEqual([]);
    expect(run.results[0].suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-resource', line: 12, suppressions: [{ kind: 'directive', justification: 'kept on purpose' }] }),
    ]);
  });

  it('reports an unused annotation at its key, on the object and on the pod template', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    stslint.io/ignore: duplicate-resource\nspec:\n  template:\n    metadata:\n      annotations:\n        stslint.io/ignore-duplicate-resource: "old"\n`;
    expect(unused(text).map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([
      [6, 5, 6, 42],
      [11, 9, 11, 52],
    ]);
  });

  it('is silent with --no-inline-config, which ignores every suppression', () => {
    const text = `${service()}---\n# stslint-disable-next-line duplicate-resource\n${service()}`;
    expect(unused(text, false)).toEqual([]);
    const messages = lintSources([{ path: 'a.yaml', text }], { registry, inlineConfig: false }).results[0].messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate-resource']);
  });
});
