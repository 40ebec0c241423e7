import { describe, expect, it } from 'vitest';
import duplicateResource from '../../rules/duplicate-resource/index.js';
import rule from '../../rules/unused-suppression/index.js';
import { lintSources } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { deployment, documents, service } from '../helpers/manifests.js';

const db = service({ name: 'db' });
const registry = [duplicateResource, rule];

new RuleTester().run('unused-suppression', rule, {
  valid: [
    db,
    // With --no-inline-config every suppression is ignored, so none is unused.
    { code: documents(db, `# stslint-disable-next-line duplicate-resource\n${db}`), lintOptions: { inlineConfig: false } },
  ],
  invalid: [
    {
      code: documents(db, `# stslint-disable-next-line duplicate-resource -- renamed later\n${service({ name: 'other' })}`),
      errors: [
        {
          messageId: 'unusedDirective',
          message: "Unused stslint-disable-next-line directive (no 'duplicate-resource' finding here to suppress)",
          severity: 'warning',
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 64,
        },
      ],
    },
    {
      // At the annotation's key, on the object and on the pod template.
      code: deployment({ metadata: { annotations: { 'stslint.io/ignore': 'duplicate-resource' } }, spec: { template: { metadata: { annotations: { 'stslint.io/ignore-duplicate-resource': 'old' } } } } }),
      errors: [
        { messageId: 'unusedAnnotation', data: { key: 'stslint.io/ignore', kind: 'Deployment', name: 'web' }, line: 6, column: 5, endLine: 6, endColumn: 42 },
        { messageId: 'unusedAnnotation', data: { key: 'stslint.io/ignore-duplicate-resource', kind: 'Deployment', name: 'web' }, line: 16, column: 9, endLine: 16, endColumn: 50 },
      ],
    },
  ],
});

describe('unused-suppression with the rule it suppresses', () => {
  it('stays silent when the directive suppresses a finding', () => {
    const text = documents(db, 'apiVersion: v1\nkind: Service\nmetadata:\n  # stslint-disable-next-line duplicate-resource -- kept on purpose\n  name: db\n');
    const run = lintSources([{ path: 'a.yaml', text }], { registry });
    expect(run.results[0].messages).toEqual([]);
    expect(run.results[0].suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-resource', line: 14, suppressions: [{ kind: 'directive', justification: 'kept on purpose' }] }),
    ]);
  });

  it('is silent with --no-inline-config, which reports what the directive would suppress', () => {
    const text = documents(db, `# stslint-disable-next-line duplicate-resource\n${db}`);
    const messages = lintSources([{ path: 'a.yaml', text }], { registry, inlineConfig: false }).results[0].messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['duplicate-resource']);
  });
});
