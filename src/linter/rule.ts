import type { ResourceIndex } from '../k8s/resource-index.js';
import type { MessageData, ReportDescriptor, Resource, RuleMeta } from '../types.js';
import { bounded } from '../util/sanitize.js';

/** What a rule's `check` is given besides the object: the index of every object of the run, options, and `report`. */
export interface RuleContext<MessageIds extends string = string, Options = Readonly<Record<string, unknown>>> {
  index: ResourceIndex;
  /** The rule's options: its `defaultOptions` overlaid with the configured ones (validated against `meta.options`). */
  options: Options;
  /** Target Kubernetes version, MAJOR.MINOR, e.g. '1.30'. */
  kubernetesVersion: string;
  /** Reject unknown fields in schema validation. */
  strict: boolean;
  /** Report objects whose kind has no schema (instead of skipping them). */
  strictKinds: boolean;
  /** Extra directories of JSON Schemas for custom resources (`--schema-dir`), absolute. */
  schemaDirs: readonly string[];
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/**
 * A rule: its metadata and a `check` called once per visited object. Rules without `check` (yaml-syntax,
 * duplicate-key, resource-shape, unused-suppression) own the messages of findings the loader or the
 * suppression stage makes. Write rules with `defineRule`, which infers the message ids and options.
 */
export interface Rule<MessageIds extends string = string, Options = Readonly<Record<string, unknown>>> {
  meta: RuleMeta<MessageIds>;
  /** Options used when the configuration gives none (configured options are laid over them, key by key). */
  defaultOptions?: Options;
  check?(resource: Resource, context: RuleContext<MessageIds, Options>): void;
}

/** The message ids of a rule: `MessageIdOf<typeof rule>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageIdOf<R> = R extends Rule<infer MessageIds, any> ? MessageIds : never;

/** A rule of any message ids and options: what registries hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;

/**
 * Longest placeholder value put into a message (characters); longer values are cut with an ellipsis. Long enough
 * for any name Kubernetes accepts (253) and for the lists and advice rules put in their messages; short enough that
 * a megabyte-long key or value of a hostile manifest does not flood the output.
 */
export const MAX_PLACEHOLDER_LENGTH = 1000;

/**
 * Define a rule. The message ids are inferred from `meta.messages` and the options type from `defaultOptions`,
 * so `context.report({ messageId })` with an id the rule does not declare does not compile (as typescript-eslint's
 * RuleCreator). Returns the rule unchanged.
 */
export function defineRule<const MessageIds extends string, Options = Readonly<Record<string, never>>>(
  rule: Rule<MessageIds, Options>,
): Rule<MessageIds, Options> {
  return rule;
}

/**
 * The text of a message: the template `messages[messageId]` with each `{{name}}` replaced by `data.name`
 * (values cut at MAX_PLACEHOLDER_LENGTH characters). Throws when the id is not declared or a placeholder has no
 * value: a rule that reports so is broken, and the engine reports it as an internal error.
 */
export function formatMessage(messages: Readonly<Record<string, string>>, messageId: string, data: MessageData = {}): string {
  if (!Object.hasOwn(messages, messageId)) throw new Error(`unknown message id '${messageId}'`);
  return messages[messageId].replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`message '${messageId}' has no value for {{${name}}}`);
    return bounded(String(data[name]), MAX_PLACEHOLDER_LENGTH);
  });
}

/** The default severity as `stslint rules` and the README show it: `error/warning` for two levels, `error (fatal)`. */
export function severityLabel(meta: RuleMeta): string {
  if (meta.fatal) return `${meta.severity} (fatal)`;
  return meta.severities?.join('/') ?? meta.severity;
}

/** True when the object is of a kind the rule visits (see KindRef); true for every object when `kinds` is absent. */
export function visits(kinds: readonly string[] | undefined, resource: { group: string; kind: string }): boolean {
  if (!kinds) return true;
  return kinds.some((ref) => {
    const slash = ref.indexOf('/');
    return slash < 0 ? resource.group === '' && resource.kind === ref : resource.group === ref.slice(0, slash) && resource.kind === ref.slice(slash + 1);
  });
}

/** The kind name of a KindRef: `apps/StatefulSet` → `StatefulSet`. */
export function kindOf(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}
