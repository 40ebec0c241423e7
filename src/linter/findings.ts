import { rangeOf } from '../load/positions.js';
import type { Finding, ObjectPath, Resource, Severity } from '../types.js';

/** A finding on the key or value at `path` inside a resource, with the resource's coordinates. */
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
