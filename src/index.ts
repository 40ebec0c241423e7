/**
 * stslint as a library: the one entry point (`import { lintFiles } from 'stslint'`). The CLI, the GitHub Action,
 * `stslint plan` and the language server are thin shells over these functions.
 *
 * Errors: what the CLI refuses (an unknown rule id or severity, `yaml-syntax` turned off, an unsupported
 * kubernetesVersion, an invalid namespace, text that is not a string, a path that does not exist, an unknown
 * format) is thrown as UsageError, with the CLI's words (src/check-options.ts holds the checks both use). Anything
 * else thrown is a bug.
 *
 * @example
 *   import { formatResults, lintText, UsageError } from 'stslint';
 *   const run = lintText(yaml, { filePath: 'db.yaml', kubernetesVersion: '1.30' });
 *   process.stdout.write(await formatResults('stylish', run.results)); // cwd: process.cwd(), no color, built-in rules
 */
export { lintFiles, lintSources, lintText, type LintOptions, type LintRun, type RawInput, type RuleSetting, type SeverityValue, type SourceInput } from './lint.js';
export { resolveOptions, type ResolvedOptions, type Settings } from './options.js';
export { formatResults, BUILT_IN_FORMATS, type FormatterContext } from './formatters/index.js';
export { planSources, type PlanOptions, type PlanRun, type PlanSourcesOptions } from './plan/plan.js';
export type { Plan, PlanProblem, StatefulSetPlan } from './plan/types.js';
export { rules } from '../rules/index.js';
export { defineRule, formatMessage, type AnyRule, type MessageIdOf, type Rule, type RuleContext } from './linter/rule.js';
export {
  RuleTester,
  type InvalidTestCase,
  type RuleTests,
  type TestCaseError,
  type TestCode,
  type TestFunction,
  type TestLintOptions,
  type ValidTestCase,
} from './linter/rule-tester.js';
export { UsageError } from './util/errors.js';
export { PACKAGE } from './util/package.js';
export type {
  Finding,
  KindRef,
  LintMessage,
  LintResult,
  MessageData,
  ObjectPath,
  Range,
  ReportDescriptor,
  Resource,
  RuleMeta,
  Severity,
  SeveritySetting,
  Suppression,
} from './types.js';
