import { rangeOf } from '../load/positions.js';
import type { Finding, MessageData, ObjectPath, Range, Resource, Severity } from '../types.js';
import type { AnyRule } from './rule.js';
import { formatMessage } from './rule.js';

/** A finding on the key or value at `path` inside an object, with the object's coordinates. */
export function findingAt(
  resource: Resource,
  path: ObjectPath,
  { ruleId, severity, message }: { ruleId: string; severity: Severity; message: string },
): Finding {
  return {
    ruleId,
    severity,
    message,
    file: resource.source.path,
    ...rangeOf(resource, path),
    path: path.length > 0 ? path.join('.') : undefined,
    kind: resource.kind,
    namespace: resource.namespace || undefined,
    name: resource.name,
    resource,
  };
}

/**
 * A finding made outside a rule's check (the loader, the suppression stage) with one of the rule's own messages,
 * at the rule's default severity. `range` defaults to the first character of the file.
 */
export function ruleFinding(
  rule: AnyRule,
  messageId: string,
  data: MessageData,
  where: { file: string; range?: Range; fatal?: boolean },
): Finding {
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: rule.meta.severity === 'warning' ? 'warning' : 'error',
    message: formatMessage(rule.meta.messages, messageId, data),
    messageId,
    file: where.file,
    ...(where.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }),
  };
  if (where.fatal) finding.fatal = true;
  return finding;
}
