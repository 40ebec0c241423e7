/**
 * A strict RuleTester, shaped like ESLint's: `new RuleTester(defaults).run(id, rule, { valid, invalid })`. Each
 * case lints its YAML with the rule alone and asserts (node:assert) what it reports; it is registered with
 * `RuleTester.describe` and `RuleTester.it`, which default to the test framework's globals (`describe`, `it`) and,
 * without them, run the case at once and throw on the first failure.
 */
import assert from 'node:assert';
import { lintSourcesAtAnyVersion, type LintOptions } from '../lint.js';
import type { Finding, MessageData, Severity, SeveritySetting } from '../types.js';
import type { Rule } from './rule.js';
import { formatMessage } from './rule.js';
import type { RuleSetting } from './linter.js';
import { append } from '../util/arrays.js';

/** YAML text (linted as `test.yaml` unless the case gives a `filename`), or file name → text for cross-file cases. */
export type TestCode = string | Readonly<Record<string, string>>;

/** The run settings a case may change; the tester chooses the rules (the one under test, alone). */
export type TestLintOptions = Pick<LintOptions, 'kubernetesVersion' | 'strict' | 'strictKinds' | 'schemaDirs' | 'inlineConfig' | 'namespace'>;

export interface ValidTestCase<Options = Readonly<Record<string, unknown>>> {
  /** The case's title (default: `valid #n` or `invalid #n`). */
  name?: string;
  code: TestCode;
  /**
   * The rule's options, laid over its defaultOptions and checked against its `meta.options` schema. Given options
   * configure the rule as a config file would, so its default severity then applies to every finding.
   */
  options?: Partial<Options>;
  /** Settings of the run, laid over the tester's defaults. */
  lintOptions?: TestLintOptions;
  /** The path a string `code` is linted under (default `test.yaml`). */
  filename?: string;
  /** The base the code is compared with (what `--base-files` reads), for rules that compare: text, or { fileName: text }. */
  base?: TestCode;
}

/**
 * One expected finding. It pins its range (1-based lines and columns, end exclusive) and names its message:
 * by `messageId` (with `data`, the text is checked too) and/or by `message` (the exact text, or a pattern).
 */
export interface TestCaseError<MessageIds extends string = string> {
  messageId?: MessageIds;
  data?: MessageData;
  message?: string | RegExp;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Severity;
  /** The file of the finding: required when the case's code has more than one file. */
  file?: string;
}

export interface InvalidTestCase<MessageIds extends string = string, Options = Readonly<Record<string, unknown>>> extends ValidTestCase<Options> {
  /** Every finding the rule reports, in order of file, line and column. */
  errors: readonly TestCaseError<MessageIds>[];
}

export interface RuleTests<MessageIds extends string = string, Options = Readonly<Record<string, unknown>>> {
  valid: readonly (string | ValidTestCase<Options>)[];
  invalid: readonly InvalidTestCase<MessageIds, Options>[];
}

/** A test framework's `describe` or `it`: a title and a function run once. */
export type TestFunction = (title: string, fn: () => void) => unknown;

const CASE_KEYS = new Set(['name', 'code', 'options', 'lintOptions', 'filename', 'base', 'errors']);
const DEFAULT_BASE_FILE = 'base.yaml';
const ERROR_KEYS = new Set(['messageId', 'data', 'message', 'line', 'column', 'endLine', 'endColumn', 'severity', 'file']);
const RANGE_KEYS = ['line', 'column', 'endLine', 'endColumn'] as const;
const DEFAULT_FILE = 'test.yaml';

let describeOverride: TestFunction | undefined;
let itOverride: TestFunction | undefined;

/** Tests one rule at a time against YAML cases; see `run`. Cases run with the rule alone, at `test.yaml` by default. */
export class RuleTester {
  /**
   * Groups cases: the test framework's global `describe`, or else a function that runs the group at once.
   * Assign another (`RuleTester.describe = describe` for a framework without globals); undefined restores the default.
   */
  static get describe(): TestFunction {
    return describeOverride ?? frameworkGlobal('describe') ?? ((_title, fn) => fn());
  }

  static set describe(value: TestFunction | undefined) {
    describeOverride = value;
  }

  /** Runs one case: the framework's global `it`, or else a function that runs it at once (a failure throws). Assignable. */
  static get it(): TestFunction {
    return itOverride ?? frameworkGlobal('it') ?? ((_title, fn) => fn());
  }

  static set it(value: TestFunction | undefined) {
    itOverride = value;
  }

  /** `defaults`: run settings for every case (a case's `lintOptions` are laid over them). */
  constructor(private readonly defaults: TestLintOptions = {}) {}

  /**
   * Register the cases of one rule. `id` must be the rule's id. Valid cases must report nothing; invalid cases
   * exactly their `errors`. A case fails when the rule throws (an `internal-error` finding), when its code does
   * not parse or is not a Kubernetes object, when its options do not match the rule's schema, when it repeats
   * another case, and when it is malformed (an invalid case without errors, an error without its range).
   */
  run<MessageIds extends string, Options>(id: string, rule: Rule<MessageIds, Options>, tests: RuleTests<MessageIds, Options>): void {
    assert.equal(rule.meta.id, id, `RuleTester.run('${id}') was given rule '${rule.meta.id}'`);
    assert.ok(tests && Array.isArray(tests.valid) && Array.isArray(tests.invalid), 'RuleTester.run needs { valid: [...], invalid: [...] }');
    const seen = new Set<string>();
    RuleTester.describe(id, () => {
      RuleTester.describe('valid', () => {
        tests.valid.forEach((item, n) => {
          const test = typeof item === 'string' ? { code: item } : item;
          RuleTester.it(test.name ?? `valid #${n + 1}`, () => {
            checkCase(test, seen);
            const findings = this.lint(rule, test);
            assert.equal(findings.length, 0, `a valid case must report nothing, but '${id}' reported:\n${describeFindings(findings)}`);
          });
        });
      });
      RuleTester.describe('invalid', () => {
        tests.invalid.forEach((test, n) => {
          RuleTester.it(test.name ?? `invalid #${n + 1}`, () => {
            checkCase(test, seen);
            checkErrors(test, rule.meta.messages);
            const findings = this.lint(rule, test);
            assert.equal(
              findings.length,
              test.errors.length,
              `'${id}' should report ${test.errors.length} finding(s), but reported ${findings.length}:\n${describeFindings(findings)}`,
            );
            findings.forEach((finding, i) => checkFinding(finding, test.errors[i], i, rule.meta.messages));
          });
        });
      });
    });
  }

  /** Lint the case with the rule alone; the rule's findings, sorted. Fails on internal errors and unloadable code. */
  private lint<MessageIds extends string, Options>(rule: Rule<MessageIds, Options>, test: ValidTestCase<Options>): Finding[] {
    const id = rule.meta.id;
    const inputs =
      typeof test.code === 'string'
        ? [{ path: test.filename ?? DEFAULT_FILE, text: test.code }]
        : Object.entries(test.code).map(([path, text]) => ({ path, text }));
    const base = typeof test.base === 'string' ? { [DEFAULT_BASE_FILE]: test.base } : (test.base ?? {});
    append(inputs, Object.entries(base).map(([path, text]) => ({ path, text, base: true })));
    const setting = settingFor(rule.meta.severity, test.options);
    const run = lintSourcesAtAnyVersion(inputs, { ...this.defaults, ...test.lintOptions, registry: [rule], rules: setting === undefined ? {} : { [id]: setting } });
    const broken = run.findings.filter(
      (finding) => finding.ruleId === 'internal-error' || (finding.ruleId !== id && (finding.fatal || finding.ruleId === 'resource-shape')),
    );
    assert.equal(broken.length, 0, `the case could not be checked:\n${describeFindings(broken)}`);
    return run.findings.filter((finding) => finding.ruleId === id).sort(compareFindings);
  }
}

/**
 * How the rule is configured for a case: given options at the rule's default severity (validated by the engine), a
 * rule that is off by default on as a warning, else not at all (so per-report severities stay).
 */
function settingFor(severity: SeveritySetting, options: unknown): RuleSetting | undefined {
  const on = severity === 'off' ? 'warning' : severity;
  if (options !== undefined) return [on, options as Record<string, unknown>];
  return severity === 'off' ? on : undefined;
}

function frameworkGlobal(name: 'describe' | 'it'): TestFunction | undefined {
  const value = (globalThis as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as TestFunction) : undefined;
}

/** The shape of a case, and that no earlier case of the run had the same input. */
function checkCase(test: ValidTestCase<unknown> & { errors?: unknown }, seen: Set<string>): void {
  assert.ok(typeof test === 'object' && test !== null, 'a case must be YAML text or an object with code');
  for (const key of Object.keys(test)) assert.ok(CASE_KEYS.has(key), `unknown case property '${key}' (expected one of ${[...CASE_KEYS].join(', ')})`);
  const code = test.code;
  const isFiles = typeof code === 'object' && code !== null && Object.values(code).every((text) => typeof text === 'string');
  assert.ok(typeof code === 'string' || isFiles, 'a case needs code: YAML text, or { fileName: text }');
  assert.ok(typeof code === 'string' || test.filename === undefined, 'filename is for string code; name the files in the code object');
  const key = JSON.stringify([code, test.options ?? null, test.lintOptions ?? null, test.filename ?? null, test.base ?? null]);
  assert.ok(!seen.has(key), 'detected a duplicate case: another case of this rule has the same code and options');
  seen.add(key);
}

function checkErrors(test: InvalidTestCase<string, unknown>, messages: Readonly<Record<string, string>>): void {
  assert.ok(Array.isArray(test.errors) && test.errors.length > 0, 'an invalid case must list at least one error');
  const files = typeof test.code === 'string' ? 1 : Object.keys(test.code).length;
  test.errors.forEach((error, n) => {
    const which = `error ${n + 1}`;
    assert.ok(typeof error === 'object' && error !== null, `${which} must be an object`);
    for (const key of Object.keys(error)) assert.ok(ERROR_KEYS.has(key), `${which}: unknown property '${key}' (expected one of ${[...ERROR_KEYS].join(', ')})`);
    for (const key of RANGE_KEYS) assert.ok(Number.isInteger(error[key]), `${which} must pin line, column, endLine and endColumn (${key} is missing)`);
    assert.ok(error.messageId !== undefined || error.message !== undefined, `${which} must name its messageId or its message`);
    assert.ok(error.data === undefined || error.messageId !== undefined, `${which}: data needs a messageId`);
    if (error.messageId !== undefined) {
      assert.ok(Object.hasOwn(messages, error.messageId), `${which}: rule has no message '${error.messageId}' (it has ${Object.keys(messages).join(', ')})`);
    }
    assert.ok(files === 1 || error.file !== undefined, `${which} must name its file: the case has ${files} files`);
  });
}

function checkFinding(finding: Finding, error: TestCaseError, n: number, messages: Readonly<Record<string, string>>): void {
  const which = `error ${n + 1}`;
  if (error.file !== undefined) assert.equal(finding.file, error.file, `${which}: file`);
  const range = ({ line, column, endLine, endColumn }: TestCaseError | Finding) => ({ line, column, endLine, endColumn });
  assert.deepStrictEqual(range(finding), range(error), `${which}: range of "${finding.message}"`);
  if (error.messageId !== undefined) assert.equal(finding.messageId, error.messageId, `${which}: messageId of "${finding.message}"`);
  if (error.data !== undefined) {
    let expected: string;
    try {
      expected = formatMessage(messages, error.messageId!, error.data);
    } catch (problem) {
      assert.fail(`${which}: ${(problem as Error).message}`);
    }
    assert.equal(finding.message, expected, `${which}: message made from data`);
  }
  if (typeof error.message === 'string') assert.equal(finding.message, error.message, `${which}: message`);
  else if (error.message instanceof RegExp) assert.match(finding.message, error.message, `${which}: message`);
  if (error.severity !== undefined) assert.equal(finding.severity, error.severity, `${which}: severity`);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** Findings as lines to read (and paste into a case): file, range, severity, messageId, message. */
function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map((f) => `  ${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}${f.messageId ? `/${f.messageId}` : ''}: ${f.message}`)
    .join('\n');
}
