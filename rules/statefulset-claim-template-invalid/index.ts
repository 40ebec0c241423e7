import { parseQuantity } from '../../src/k8s/quantity.js';
import { claimTemplatesOf, type ClaimTemplate } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';
import type { MessageData, ObjectPath, Resource } from '../../src/types.js';
import { isRecord } from '../../src/util/guards.js';

const ACCESS_MODES = new Set(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);

const TEMPLATE = "Claim template {{claim}} of StatefulSet '{{name}}'";
const REJECTED = 'the PersistentVolumeClaim of every pod is rejected, so no pod starts';

const MESSAGES = {
  noName: `${TEMPLATE} has no metadata.name: no container can mount it and the controller cannot name its PersistentVolumeClaims`,
  noSpec: `${TEMPLATE} has no spec: ${REJECTED} (accessModes and resources.requests.storage are required)`,
  noAccessModes: `${TEMPLATE} has no accessModes: ${REJECTED} (at least 1 access mode is required)`,
  unknownAccessMode: `${TEMPLATE} has access mode '{{mode}}', which is not one of ${[...ACCESS_MODES].join(', ')}: ${REJECTED}`,
  noStorage: `${TEMPLATE} has no resources.requests.storage: ${REJECTED}`,
  notQuantity: `${TEMPLATE} requests storage {{storage}}, which is not a Kubernetes quantity (e.g. 10Gi, 500M): ${REJECTED}`,
  notPositive: `${TEMPLATE} requests storage {{storage}}, which must be greater than zero: ${REJECTED}`,
};

interface Problem {
  path: ObjectPath;
  messageId: keyof typeof MESSAGES;
  data?: MessageData;
}

export default defineRule({
  meta: {
    id: 'statefulset-claim-template-invalid',
    severity: 'error',
    description: 'Require each StatefulSet claim template to have a name, access modes and a valid storage request',
    kinds: ['apps/StatefulSet'],
    messages: MESSAGES,
  },
  check(resource, context) {
    if (!isStatefulSet(resource)) return;
    for (const claim of claimTemplatesOf(resource)) {
      const template = describeClaim(claim, resource);
      for (const { path, messageId, data } of problemsOf(claim)) context.report({ path, messageId, data: { ...template, ...data } });
    }
  },
});

function problemsOf({ template, path, name }: ClaimTemplate): Problem[] {
  const problems: Problem[] = [];
  if (name === undefined) problems.push({ path: [...path, 'metadata', 'name'], messageId: 'noName' });
  if (template.spec != null && !isRecord(template.spec)) return problems; // a spec of the wrong type is the schema's finding
  if (!isRecord(template.spec)) return [...problems, { path: [...path, 'spec'], messageId: 'noSpec' }];
  const specPath = [...path, 'spec'];
  return [...problems, ...accessModeProblems(template.spec, specPath), ...storageProblems(template.spec, specPath)];
}

function accessModeProblems(spec: Record<string, unknown>, path: ObjectPath): Problem[] {
  const modes = spec.accessModes ?? [];
  if (!Array.isArray(modes)) return []; // a single string instead of a list is the schema's finding
  if (modes.length === 0) return [{ path: spec.accessModes === undefined ? path : [...path, 'accessModes'], messageId: 'noAccessModes' }];
  return modes.flatMap((mode, position): Problem[] => {
    if (typeof mode === 'string' && ACCESS_MODES.has(mode)) return [];
    return [{ path: [...path, 'accessModes', position], messageId: 'unknownAccessMode', data: { mode: String(mode) } }];
  });
}

function storageProblems(spec: Record<string, unknown>, path: ObjectPath): Problem[] {
  const resources = isRecord(spec.resources) ? spec.resources : undefined;
  const requests = isRecord(resources?.requests) ? resources.requests : undefined;
  const storage = requests?.storage;
  if (storage === undefined || storage === null) {
    const closest = requests ? [...path, 'resources', 'requests'] : resources ? [...path, 'resources'] : path;
    return [{ path: closest, messageId: 'noStorage' }];
  }
  const storagePath = [...path, 'resources', 'requests', 'storage'];
  const bytes = parseQuantity(storage);
  const data = { storage: JSON.stringify(storage) };
  if (bytes === undefined) return [{ path: storagePath, messageId: 'notQuantity', data }];
  if (bytes <= 0) return [{ path: storagePath, messageId: 'notPositive', data }];
  return [];
}

/** The template as messages name it: 'data', or volumeClaimTemplates[2] when it has no name. */
function describeClaim({ name, path }: ClaimTemplate, statefulSet: Resource): { claim: string; name: string } {
  const claim = name === undefined ? `volumeClaimTemplates[${String(path[path.length - 1])}]` : `'${name}'`;
  return { claim, name: statefulSet.name };
}
