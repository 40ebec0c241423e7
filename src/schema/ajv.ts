import type { Ajv as AjvInstance, Options } from 'ajv';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import type { RE2JS as RE2Class } from 're2js';
import { loadAjv, loadRe2js } from '../util/package.js';

type AjvConstructor = new (options: Options) => AjvInstance;
let Ajv: AjvConstructor | undefined;
let RE2JS: typeof RE2Class | undefined;

/**
 * A new ajv instance, loading ajv on first use: built-in kinds are checked by validators precompiled at build
 * time, so only runs with a config file or custom resources pay for ajv's load time (about 50 ms).
 */
export function newAjv(options: Options): AjvInstance {
  Ajv ??= (loadAjv() as { default: AjvConstructor }).default;
  return new Ajv(options);
}

/** Patterns compiled so far (or why RE2 refused them), by source text: a CRD repeats the same few patterns. */
const patterns = new Map<string, RE2Class | Error>();

/**
 * A pattern of a manifest (CRD schemas, --schema-dir files) compiled with RE2's syntax and linear-time matching,
 * the semantics of Go's `regexp` that the API server evaluates CRD patterns with (kube-openapi's validator; the
 * CRD is refused when `regexp.Compile` fails: apiextensions-apiserver pkg/apiserver/schema/validation.go). JavaScript's
 * backtracking engine takes exponential time on patterns such as `^([a-z0-9]+)*$`; RE2 takes time linear in the
 * value. Throws an Error with RE2's reason ("error parsing regexp: ...") for a pattern RE2 refuses, such as a
 * lookahead `(?=`, a backreference `\1` or a possessive quantifier.
 */
export function compilePattern(pattern: string): RegExpLike {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    RE2JS ??= (loadRe2js() as { RE2JS: typeof RE2Class }).RE2JS;
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      compiled = new Error((error as Error).message);
    }
    patterns.set(pattern, compiled);
  }
  if (compiled instanceof Error) throw compiled;
  const re2 = compiled;
  // ajv shares compiled patterns between keywords by their toString(): it must name the pattern.
  return { test: (value: string) => re2.test(value), toString: () => `re2:${pattern}` } as RegExpLike;
}

/** ajv's `code.regExp` option: patterns unanchored (JSON Schema's and Go's `MatchString`), in RE2 (see compilePattern). */
export const RE2_ENGINE: RegExpEngine = Object.assign((pattern: string) => compilePattern(pattern), { code: 're2' });
