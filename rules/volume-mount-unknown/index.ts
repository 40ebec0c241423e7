import { containersOf, podSpecOf, podVolumeNames, POD_SPEC_KINDS, volumeUsesOf, type ContainerAt } from '../../src/k8s/pod-template.js';
import { claimTemplatesOf, isStatefulSet } from '../../src/k8s/statefulsets.js';
import type { Resource, Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'volume-mount-unknown',
    severity: 'error',
    description: 'Disallow volume mounts that name neither a pod volume nor a claim template',
    kinds: POD_SPEC_KINDS,
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const volumes = podVolumeNames(podSpec.spec);
    const claims = isStatefulSet(resource) ? claimTemplatesOf(resource).flatMap(({ name }) => (name ? [name] : [])) : [];
    const known = new Set([...volumes, ...claims]);
    for (const container of containersOf(podSpec.spec, podSpec.path)) {
      for (const use of volumeUsesOf(container)) {
        if (known.has(use.name)) continue;
        context.report({
          path: use.path,
          message: `${describeContainer(container)} ${use.field === 'volumeMounts' ? 'mounts volume' : 'attaches block volume'} '${use.name}', which is ${describeKnown(volumes, claims, isStatefulSet(resource))}: ${consequence(resource, use.field)}`,
        });
      }
    }
  },
};

function describeContainer({ container, list }: ContainerAt): string {
  const kind = { containers: 'Container', initContainers: 'Init container', ephemeralContainers: 'Ephemeral container' }[list];
  return typeof container.name === 'string' ? `${kind} '${container.name}'` : kind;
}

function describeKnown(volumes: Set<string>, claims: string[], statefulSet: boolean): string {
  const volumeList = volumes.size > 0 ? `a pod volume (${[...volumes].join(', ')})` : 'a pod volume (the pod has none)';
  if (!statefulSet) return `not ${volumeList}`;
  const claimList = claims.length > 0 ? `a claim template (${claims.join(', ')})` : 'a claim template (there are none)';
  return `neither ${volumeList} nor ${claimList}`;
}

function consequence(resource: Resource, field: string): string {
  if (isStatefulSet(resource)) {
    return `the API server accepts StatefulSet '${resource.name}', but rejects every pod it creates (${field}.name: Not found)`;
  }
  return `the API server rejects ${resource.kind} '${resource.name}' (${field}.name: Not found)`;
}

export default rule;
