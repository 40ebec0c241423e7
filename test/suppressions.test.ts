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

describe('suppressions naming rules that do not exist', () => {
  const shown = (text: string) => lint(text).messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`);

  it('reports an unknown rule id of a directive as unknown, with the closest id, and not as unused', () => {
    expect(shown(`# stslint-disable-next-line selector-label-mismach -- typo\n${deployment('a')}`)).toEqual([
      "1:1-1:59 unused-suppression Unknown rule 'selector-label-mismach' in stslint-disable-next-line directive: it suppresses nothing; did you mean 'selector-label-mismatch'?",
      "8:19-8:27 selector-label-mismatch Selector label app=web does not match the pod template, which has app=api; the API server rejects Deployment 'a'",
    ]);
  });

  it('reports unknown ids beside known ones, and the directive as unused when its known ids suppress nothing', () => {
    expect(shown(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c # stslint-disable-line duplicate-resource, no-such-rule\n`)).toEqual([
      "4:11-4:66 unused-suppression Unknown rule 'no-such-rule' in stslint-disable-line directive: it suppresses nothing",
      "4:11-4:66 unused-suppression Unused stslint-disable-line directive (no 'duplicate-resource' finding here to suppress)",
    ]);
  });

  it('reports unknown rule ids of annotations, in both forms', () => {
    const annotations = '  annotations:\n    stslint.io/ignore-selector-label-mismatc: "x"\n    stslint.io/ignore: "duplicate-resorce, selector-label-mismatch -- generated"\n';
    expect(shown(deployment('a', annotations))).toEqual([
      "6:5-6:50 unused-suppression Unknown rule 'selector-label-mismatc' in annotation 'stslint.io/ignore-selector-label-mismatc' on Deployment 'a': it suppresses nothing; did you mean 'selector-label-mismatch'?",
      "7:5-7:81 unused-suppression Unknown rule 'duplicate-resorce' in annotation 'stslint.io/ignore' on Deployment 'a': it suppresses nothing; did you mean 'duplicate-resource'?",
    ]);
  });
});
