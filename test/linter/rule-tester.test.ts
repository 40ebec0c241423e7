import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { defineRule } from '../../src/linter/rule.js';
import { RuleTester, type InvalidTestCase, type RuleTests, type ValidTestCase } from '../../src/linter/rule-tester.js';
import { documents, service, statefulSet } from '../helpers/manifests.js';
import { scratchProject } from '../helpers/project.js';

/** Reports a StatefulSet with more replicas than `max` (default 3), or with replicas that are not a number. */
const tooMany = defineRule({
  meta: {
    id: 'too-many',
    severity: 'error',
    description: 'Report StatefulSets with many replicas',
    kinds: ['apps/StatefulSet'],
    messages: {
      tooMany: "StatefulSet '{{name}}' runs {{replicas}} replicas, more than {{max}}",
      notANumber: "StatefulSet '{{name}}' has replicas {{replicas}}, not a number",
    },
    options: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 0 } } },
  },
  defaultOptions: { max: 3 },
  check(resource, context) {
    const replicas = resource.object.spec?.replicas;
    if (typeof replicas === 'string') context.report({ path: ['spec', 'replicas'], messageId: 'notANumber', data: { name: resource.name, replicas } });
    if (typeof replicas !== 'number' || replicas <= context.options.max) return;
    context.report({ path: ['spec', 'replicas'], messageId: 'tooMany', data: { name: resource.name, replicas, max: context.options.max } });
  },
});

const throwing = defineRule({
  meta: { id: 'throwing', severity: 'warning', description: 'Throw on StatefulSets', kinds: ['apps/StatefulSet'], messages: { never: 'never' } },
  check() {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
});

const offByDefault = defineRule({
  meta: { id: 'off-by-default', severity: 'off', description: 'Report every Service', kinds: ['Service'], messages: { seen: 'seen' } },
  check(_, context) {
    context.report({ path: ['kind'], messageId: 'seen' });
  },
});

const FIVE = statefulSet({ replicas: 5 });
/** `spec.replicas: 5` of FIVE: line 6, the key and its value. */
const AT_REPLICAS = { line: 6, column: 3, endLine: 6, endColumn: 14 };
const GOOD_ERROR = { messageId: 'tooMany' as 'tooMany' | 'notANumber', data: { name: 'web', replicas: 5, max: 3 }, ...AT_REPLICAS };

interface Outcome {
  title: string;
  /** The assertion message of a failed case; undefined when it passed. */
  failure?: string;
}

/** Run the tester with describe/it that record each case's outcome instead of registering tests. */
function outcomes(register: (tester: RuleTester) => void, tester = new RuleTester()): Outcome[] {
  const recorded: Outcome[] = [];
  RuleTester.describe = (_title, fn) => fn();
  RuleTester.it = (title, fn) => {
    try {
      fn();
      recorded.push({ title });
    } catch (error) {
      recorded.push({ title, failure: error instanceof Error ? error.message : String(error) });
    }
  };
  register(tester);
  return recorded;
}

/** The outcome of one invalid case of tooMany. */
function invalid(test: InvalidTestCase<'tooMany' | 'notANumber', { max: number }>): Outcome {
  const [outcome] = outcomes((tester) => tester.run('too-many', tooMany, { valid: [], invalid: [test] }));
  return outcome;
}

function valid(test: string | ValidTestCase<{ max: number }>, rule = tooMany): Outcome {
  const [outcome] = outcomes((tester) => tester.run(rule.meta.id, rule as typeof tooMany, { valid: [test], invalid: [] }));
  return outcome;
}

afterEach(() => {
  RuleTester.describe = undefined;
  RuleTester.it = undefined;
});

describe('RuleTester passes', () => {
  it('valid cases that report nothing and invalid cases that report exactly their errors', () => {
    const tests: RuleTests<'tooMany' | 'notANumber', { max: number }> = {
      valid: [statefulSet({ replicas: 3 }), { code: FIVE, options: { max: 5 } }, { code: statefulSet({ replicas: 9 }), lintOptions: { namespace: 'x' }, options: { max: 9 } }],
      invalid: [
        { code: FIVE, errors: [GOOD_ERROR] },
        { code: FIVE, options: { max: 4 }, errors: [{ ...GOOD_ERROR, data: { name: 'web', replicas: 5, max: 4 }, severity: 'error' }] },
        { code: FIVE, filename: 'db.yaml', errors: [{ ...AT_REPLICAS, message: "StatefulSet 'web' runs 5 replicas, more than 3" }] },
        { code: statefulSet({ replicas: 6 }), errors: [{ ...AT_REPLICAS, endColumn: 14, messageId: 'tooMany', message: /runs 6 replicas/ }] },
        {
          code: { 'b.yaml': FIVE, 'a.yaml': documents(statefulSet({ name: 'db', replicas: 4 }), service()) },
          errors: [
            { ...AT_REPLICAS, file: 'a.yaml', messageId: 'tooMany', data: { name: 'db', replicas: 4, max: 3 } },
            { ...GOOD_ERROR, file: 'b.yaml' },
          ],
        },
      ],
    };
    const recorded = outcomes((tester) => tester.run('too-many', tooMany, tests));
    expect(recorded.map((outcome) => outcome.failure)).toEqual(Array(8).fill(undefined));
    expect(recorded.map((outcome) => outcome.title)).toEqual(['valid #1', 'valid #2', 'valid #3', 'invalid #1', 'invalid #2', 'invalid #3', 'invalid #4', 'invalid #5']);
  });

  it('turns on a rule that is off by default', () => {
    const tests = { valid: [statefulSet()], invalid: [{ code: service(), errors: [{ messageId: 'seen' as const, line: 2, column: 1, endLine: 2, endColumn: 14, severity: 'warning' as const }] }] };
    expect(outcomes((tester) => tester.run('off-by-default', offByDefault, tests))).toEqual([{ title: 'valid #1' }, { title: 'invalid #1' }]);
  });

  it('lays the lint options of a case over those of the tester', () => {
    const rule = defineRule({
      meta: { id: 'version', severity: 'error', description: 'Report the version', messages: { version: '{{version}}' } },
      check(_, context) {
        context.report({ path: ['metadata', 'name'], messageId: 'version', data: { version: context.kubernetesVersion } });
      },
    });
    const error = (version: string) => ({ messageId: 'version' as const, data: { version }, line: 4, column: 3, endLine: 4, endColumn: 12 });
    const recorded = outcomes(
      (tester) => tester.run('version', rule, { valid: [], invalid: [{ code: service(), errors: [error('1.26')] }, { code: FIVE, lintOptions: { kubernetesVersion: '1.29' }, errors: [error('1.29')] }] }),
      new RuleTester({ kubernetesVersion: '1.26' }),
    );
    expect(recorded.map((outcome) => outcome.failure)).toEqual([undefined, undefined]);
  });

  it('compares a case with its base (what --base-files reads), kept apart from the code', () => {
    const rule = defineRule({
      meta: { id: 'base-replicas', severity: 'error', description: 'Report a replica count changed since the base', messages: { changed: '{{from}} to {{to}}' } },
      check(resource, context) {
        const base = context.index.base(resource);
        if (!base) return;
        const [from, to] = [base.object.spec?.replicas, resource.object.spec?.replicas];
        if (from !== to) context.report({ path: ['spec', 'replicas'], messageId: 'changed', data: { from, to } });
      },
    });
    const tests = {
      valid: [FIVE, { code: FIVE, base: FIVE }, { code: FIVE, base: { 'old/web.yaml': FIVE } }],
      invalid: [{ code: FIVE, base: statefulSet({ replicas: 3 }), errors: [{ messageId: 'changed' as const, data: { from: 3, to: 5 }, ...AT_REPLICAS }] }],
    };
    expect(outcomes((tester) => tester.run('base-replicas', rule, tests)).map((outcome) => outcome.failure)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('RuleTester fails', () => {
  it.each([
    ['a valid case that reports', () => valid(FIVE), "a valid case must report nothing, but 'too-many' reported:\n  test.yaml 6:3-6:14 error too-many/tooMany: StatefulSet 'web' runs 5 replicas, more than 3"],
    ['an invalid case that reports nothing', () => invalid({ code: statefulSet(), errors: [GOOD_ERROR] }), "'too-many' should report 1 finding(s), but reported 0"],
    ['an invalid case with too few errors listed', () => invalid({ code: documents(FIVE, statefulSet({ name: 'db', replicas: 4 })), errors: [GOOD_ERROR] }), 'should report 1 finding(s), but reported 2'],
    ['a wrong line', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, line: 5 }] }), 'error 1: range of'],
    ['a wrong column', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, column: 4 }] }), 'error 1: range of'],
    ['a wrong end line', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, endLine: 7 }] }), 'error 1: range of'],
    ['a wrong end column', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, endColumn: 13 }] }), 'error 1: range of'],
    ['an error without its end column', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, endColumn: undefined as unknown as number }] }), 'error 1 must pin line, column, endLine and endColumn (endColumn is missing)'],
    ['an error without its line', () => invalid({ code: FIVE, errors: [{ messageId: 'tooMany', column: 3, endLine: 6, endColumn: 14 } as never] }), '(line is missing)'],
    ['an error naming neither messageId nor message', () => invalid({ code: FIVE, errors: [AT_REPLICAS] }), 'error 1 must name its messageId or its message'],
    ['a messageId the rule does not have', () => invalid({ code: FIVE, errors: [{ ...AT_REPLICAS, messageId: 'tooFew' as 'tooMany' }] }), "error 1: rule has no message 'tooFew' (it has tooMany, notANumber)"],
    ['another messageId than the reported one', () => invalid({ code: FIVE, errors: [{ ...AT_REPLICAS, messageId: 'notANumber' as 'tooMany' }] }), 'error 1: messageId of'],
    ['data that make another message', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, data: { name: 'web', replicas: 6, max: 3 } }] }), 'error 1: message made from data'],
    ['data missing a placeholder', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, data: { name: 'web', replicas: 5 } }] }), "error 1: message 'tooMany' has no value for {{max}}"],
    ['data without a messageId', () => invalid({ code: FIVE, errors: [{ ...AT_REPLICAS, message: 'x', data: { name: 'web' } }] }), 'error 1: data needs a messageId'],
    ['another message text', () => invalid({ code: FIVE, errors: [{ ...AT_REPLICAS, message: "StatefulSet 'web' runs 5 replicas" }] }), 'error 1: message'],
    ['a message pattern that does not match', () => invalid({ code: FIVE, errors: [{ ...AT_REPLICAS, message: /runs 6/ }] }), 'error 1: message'],
    ['a wrong severity', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, severity: 'warning' }] }), 'error 1: severity'],
    ['an invalid case without errors', () => invalid({ code: FIVE, errors: [] }), 'an invalid case must list at least one error'],
    ['an invalid case with no errors key', () => invalid({ code: FIVE } as never), 'an invalid case must list at least one error'],
    ['a misspelt error property', () => invalid({ code: FIVE, errors: [{ ...GOOD_ERROR, endcolumn: 14 } as never] }), "error 1: unknown property 'endcolumn'"],
    ['a misspelt case property', () => valid({ code: FIVE, option: { max: 9 } } as never), "unknown case property 'option'"],
    ['a case without code', () => valid({ options: { max: 9 } } as never), 'a case needs code'],
    ['options the rule schema refuses', () => valid({ code: FIVE, options: { max: -1 } }), "Invalid options for rule 'too-many': options.max must be >= 0"],
    ['options a rule without options is given', () => valid({ code: service(), options: { max: 1 } }, offByDefault as never), "Invalid options for rule 'off-by-default': options are not accepted"],
    ['a rule that throws, in a valid case', () => valid(FIVE, throwing as never), "internal-error: Rule 'throwing' failed on StatefulSet 'web': Cannot read properties of undefined (reading 'x')"],
    ['a rule that throws, in an invalid case', () => outcomes((t) => t.run('throwing', throwing, { valid: [], invalid: [{ code: FIVE, errors: [{ ...AT_REPLICAS, messageId: 'never' }] }] }))[0], "internal-error: Rule 'throwing'"],
    ['code that does not parse', () => valid('apiVersion: v1\nkind: [\n'), 'yaml-syntax'],
    ['code that is not a Kubernetes object', () => valid('apiVersion: v1\nkind: ConfigMap\n'), 'test.yaml 2:1-2:16 error resource-shape/noName: Object has no metadata.name'],
    ['a cross-file error without its file', () => invalid({ code: { 'a.yaml': FIVE, 'b.yaml': service() }, errors: [GOOD_ERROR] }), 'error 1 must name its file: the case has 2 files'],
    ['a cross-file error in another file', () => invalid({ code: { 'a.yaml': FIVE, 'b.yaml': service() }, errors: [{ ...GOOD_ERROR, file: 'b.yaml' }] }), 'error 1: file'],
    ['a filename with files', () => invalid({ code: { 'a.yaml': FIVE }, filename: 'b.yaml', errors: [GOOD_ERROR] }), 'filename is for string code'],
  ])('%s', (_, run, failure) => {
    expect(run().failure).toContain(failure);
  });

  it('a case that repeats another, valid or invalid', () => {
    const recorded = outcomes((tester) =>
      tester.run('too-many', tooMany, {
        valid: [statefulSet(), { code: statefulSet() }, { code: statefulSet(), options: { max: 1 } }, { code: FIVE, options: { max: 9 } }],
        invalid: [{ code: FIVE, options: { max: 9 }, errors: [GOOD_ERROR] }],
      }),
    );
    const duplicate = 'detected a duplicate case: another case of this rule has the same code and options';
    expect(recorded.map((outcome) => outcome.failure)).toEqual([undefined, duplicate, undefined, undefined, duplicate]);
  });

  it('a rule given under another id, before any case runs', () => {
    expect(() => outcomes((tester) => tester.run('too-few', tooMany, { valid: [], invalid: [] }))).toThrow("RuleTester.run('too-few') was given rule 'too-many'");
  });
});

describe('RuleTester without a test framework', () => {
  it('uses the globals describe and it when present, and runs each case at once otherwise, throwing on failure', () => {
    const globals = globalThis as Record<string, unknown>;
    const saved = { describe: globals.describe, it: globals.it };
    const titles: string[] = [];
    try {
      globals.describe = (title: string, fn: () => void) => (titles.push(`describe ${title}`), fn());
      globals.it = (title: string, fn: () => void) => (titles.push(`it ${title}`), fn());
      new RuleTester().run('too-many', tooMany, { valid: [{ name: 'three', code: statefulSet({ replicas: 3 }) }], invalid: [] });
      expect(titles).toEqual(['describe too-many', 'describe valid', 'it three', 'describe invalid']);
      delete globals.describe;
      delete globals.it;
      expect(() => new RuleTester().run('too-many', tooMany, { valid: [statefulSet({ replicas: 3 })], invalid: [] })).not.toThrow();
      expect(() => new RuleTester().run('too-many', tooMany, { valid: [FIVE], invalid: [] })).toThrow('a valid case must report nothing');
    } finally {
      Object.assign(globals, saved);
    }
  });
});

describe('RuleTester from the package, in a project without a test framework', () => {
  it('tests a rule written with defineRule, and throws on the first failing case', () => {
    const script = `import { defineRule, RuleTester } from 'stslint';
const rule = defineRule({
  meta: { id: 'no-web', severity: 'error', description: 'Disallow the name web', messages: { web: 'Named {{name}}' } },
  check(resource, context) { if (resource.name === 'web') context.report({ path: ['metadata', 'name'], messageId: 'web', data: { name: 'web' } }); },
});
const code = (name) => \`apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: \${name}\\n\`;
const error = { messageId: 'web', data: { name: 'web' }, line: 4, column: 3, endLine: 4, endColumn: 12 };
new RuleTester().run('no-web', rule, { valid: [code('db')], invalid: [{ code: code('web'), errors: [error] }] });
console.log('passed');
new RuleTester().run('no-web', rule, { valid: [code('web')], invalid: [] });
console.log('not reached');
`;
    const child = spawnSync(process.execPath, ['check.mjs'], { cwd: scratchProject({ 'check.mjs': script }), encoding: 'utf8' });
    expect(child.stdout).toBe('passed\n');
    expect(child.stderr).toContain("AssertionError [ERR_ASSERTION]: a valid case must report nothing, but 'no-web' reported:");
    expect(child.status).toBe(1);
  });
});
