import { parseQuantity } from '../../src/k8s/quantity.js';
import { isRecord } from '../../src/util/guards.js';
import { claimTemplatesOf, isStatefulSet, type ClaimTemplate } from '../../src/k8s/statefulsets.js';
import type { ObjectPath, Resource, Rule } from '../../src/types.js';

const ACCESS_MODES = new Set(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);

const REJECTED = 'the PersistentVolumeClaim of every pod is rejected, so no pod starts';

interface Problem {
  path: ObjectPath;
  problem: string;
}

const rule: Rule = {
  meta: {
    id: 'statefulset-claim-template-invalid',
    severity: 'error',
    description: 'Require each StatefulSet claim template to have a name, access modes and a valid storage request',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    if (!isStatefulSet(resource)) return;
    for (const claim of claimTemplatesOf(resource)) {
      for (const { path, problem } of problemsOf(claim)) {
        context.report({ path, message: `${describeClaim(claim, resource)} ${problem}` });
      }
    }
  },
};

function problemsOf({ template, path, name }: ClaimTemplate): Problem[] {
  const problems: Problem[] = [];
  if (name === undefined) {
    problems.push({
      path: [...path, 'metadata', 'name'],
      problem: 'has no metadata.name: no container can mount it and the controller cannot name its PersistentVolumeClaims',
    });
  }
  if (template.spec != null && !isRecord(template.spec)) return problems; // a spec of the wrong type is the schema's finding
  if (!isRecord(template.spec)) {
    const problem = `has no spec: ${REJECTED} (accessModes and resources.requests.storage are required)`;
    problems.push({ path: [...path, 'spec'], problem });
    return problems;
  }
  const specPath = [...path, 'spec'];
  return [...problems, ...accessModeProblems(template.spec, specPath), ...storageProblems(template.spec, specPath)];
}

function accessModeProblems(spec: Record<string, unknown>, path: ObjectPath): Problem[] {
  const modes = spec.accessModes ?? [];
  if (!Array.isArray(modes)) return []; // a single string instead of a list is the schema's finding
  if (modes.length === 0) {
    return [
      {
        path: spec.accessModes === undefined ? path : [...path, 'accessModes'],
        problem: `has no accessModes: ${REJECTED} (at least 1 access mode is required)`,
      },
    ];
  }
  const supported = [...ACCESS_MODES].join(', ');
  return modes.flatMap((mode, position) => {
    if (typeof mode === 'string' && ACCESS_MODES.has(mode)) return [];
    const problem = `has access mode '${String(mode)}', which is not one of ${supported}: ${REJECTED}`;
    return [{ path: [...path, 'accessModes', position], problem }];
  });
}

function storageProblems(spec: Record<string, unknown>, path: ObjectPath): Problem[] {
  const resources = isRecord(spec.resources) ? spec.resources : undefined;
  const requests = isRecord(resources?.requests) ? resources.requests : undefined;
  const storage = requests?.storage;
  if (storage === undefined || storage === null) {
    const closest = requests ? [...path, 'resources', 'requests'] : resources ? [...path, 'resources'] : path;
    return [{ path: closest, problem: `has no resources.requests.storage: ${REJECTED}` }];
  }
  const storagePath = [...path, 'resources', 'requests', 'storage'];
  const bytes = parseQuantity(storage);
  if (bytes === undefined) {
    return [{ path: storagePath, problem: `requests storage ${JSON.stringify(storage)}, which is not a Kubernetes quantity (e.g. 10Gi, 500M): ${REJECTED}` }];
  }
  if (bytes <= 0) {
    return [{ path: storagePath, problem: `requests storage ${JSON.stringify(storage)}, which must be greater than zero: ${REJECTED}` }];
  }
  return [];
}

function describeClaim({ name, path }: ClaimTemplate, statefulSet: Resource): string {
  const which = name === undefined ? `volumeClaimTemplates[${String(path[path.length - 1])}]` : `'${name}'`;
  return `Claim template ${which} of StatefulSet '${statefulSet.name}'`;
}

export default rule;
