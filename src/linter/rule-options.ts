import { newAjv } from '../schema/ajv.js';
import type { AnyRule } from './rule.js';
import { UsageError } from '../util/errors.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const validators = new WeakMap<AnyRule, Validator>();

/**
 * Check configured options against the rule's `meta.options` JSON Schema (a rule without one takes an empty
 * object only). Throws UsageError naming the rule and the first problem. ajv is loaded only when options are given.
 */
export function validateRuleOptions(rule: AnyRule, options: unknown): void {
  let validate = validators.get(rule);
  if (!validate) {
    const schema = rule.meta.options ?? { type: 'object', maxProperties: 0 };
    validate = newAjv({ allErrors: false, strict: false }).compile(schema) as Validator;
    validators.set(rule, validate);
  }
  if (validate(options)) return;
  const [error] = validate.errors ?? [];
  const where = error?.instancePath ? `options${error.instancePath.replace(/\//g, '.')}` : 'options';
  const reason = rule.meta.options ? (error?.message ?? 'are invalid') : 'are not accepted: the rule has no options';
  throw new UsageError(`Invalid options for rule '${rule.meta.id}': ${where} ${reason}`);
}
