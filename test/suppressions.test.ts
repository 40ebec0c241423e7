import { describe, expect, it } from 'vitest';
import duplicateResource from '../rules/duplicate-resource/index.js';
import selectorLabelMismatch from '../rules/selector-label-mismatch/index.js';
import unusedSuppression from '../rules/unused-suppression/index.js';
import { lintSources } from '../src/lint.js';
import { parseDirectives } from '../src/linter/suppressions.js';
import { loadSource } from '../src/load/source.js';

const registry = [duplicateResource, selectorLabelMismatch, unusedSuppression];
const lint = (text: string) => lintSources([{ path: 'a.yaml', text }], { registry }).results[0];
const deployment = (name: string, annotations = '', templateAnnotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${annotations}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
${templateAnnotations}      labels: {app: api}
`;

describe('parseDirectives', () => {
  it('reads type, rule ids and reason', () => {
    const text = 'a: 1 # stslint-disable-line x, y -- because\n# stslint-disable\n  #stslint-enable z\nb: "# stslint-disable no"\nc: |\n  # stslint-disable in a block scalar\n';
    expect(parseDirectives(loadSource('a.yaml', text).source).map((d) => [d.type, d.ruleIds, d.justification, d.line, d.column])).toEqual([
      ['disable-line', ['x', 'y'], 'because', 1, 6],
      ['disable', [], '', 2, 1],
      ['enable', ['z'], '', 3, 3],
    ]);
  });
});

describe('suppressions', () => {
  it('honours disable / enable ranges, to the end of the file when not re-enabled', () => {
    const text = [
      deployment('a'),
      '# stslint-disable selector-label-mismatch -- legacy block\n',
      deployment('b'),
      '# stslint-enable selector-label-mismatch\n',
      deployment('c'),
      '# stslint-disable\n',
      deployment('d'),
    ].join('---\n');
    const result = lint(text);
    expect(result.messages.map((m) => m.name)).toEqual(['a', 'c']);
    expect(result.suppressedMessages.map((m) => [m.name, m.suppressions])).toEqual([
      ['b', [{ kind: 'directive', justification: 'legacy block' }]],
      ['d', [{ kind: 'directive', justification: '' }]],
    ]);
  });

  it('honours stslint.io/ignore-<rule> with its reason, on the object', () => {
    const result = lint(deployment('a', '  annotations:\n    stslint.io/ignore-selector-label-mismatch: "migrating in PLAT-12"\n'));
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages[0].suppressions).toEqual([{ kind: 'annotation', justification: 'migrating in PLAT-12' }]);
  });

  it('honours stslint.io/ignore with a list of rules', () => {
    const result = lint(deployment('a', '  annotations:\n    stslint.io/ignore: "duplicate-resource, selector-label-mismatch -- generated"\n'));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['unused-suppression'].filter(() => false));
    expect(result.suppressedMessages[0].suppressions).toEqual([{ kind: 'annotation', justification: 'generated' }]);
  });

  it('honours the pod template annotation only for findings inside the template', () => {
    const onTemplate = '      annotations:\n        stslint.io/ignore-selector-label-mismatch: "x"\n';
    const result = lint(deployment('a', '', onTemplate));
    // The finding is on spec.selector, outside the template: the template annotation does not apply.
    expect(result.messages.map((m) => m.ruleId)).toEqual(['selector-label-mismatch', 'unused-suppression']);
  });

  it('never suppresses a fatal finding', () => {
    const result = lint('# stslint-disable\na: "unclosed\n');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['unused-suppression', 'yaml-syntax']);
  });
});
