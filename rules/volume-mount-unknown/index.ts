import { containersOf, podSpecOf, podVolumeNames, POD_SPEC_KINDS, volumeUsesOf, type ContainerAt } from '../../src/k8s/pod-template.js';
import { claimTemplatesOf } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';

const POD_REJECTED = "the API server accepts StatefulSet '{{name}}', but rejects every pod it creates";
const REJECTED = "the API server rejects {{kind}} '{{name}}'";
const NEITHER = 'neither a pod volume ({{volumes}}) nor a claim template ({{claims}})';

export default defineRule({
  meta: {
    id: 'volume-mount-unknown',
    severity: 'error',
    description: 'Disallow volume mounts that name neither a pod volume nor a claim template',
    kinds: POD_SPEC_KINDS,
    messages: {
      mount: `{{container}} mounts volume '{{volume}}', which is not a pod volume ({{volumes}}): ${REJECTED} (volumeMounts.name: Not found)`,
      device: `{{container}} attaches block volume '{{volume}}', which is not a pod volume ({{volumes}}): ${REJECTED} (volumeDevices.name: Not found)`,
      statefulSetMount: `{{container}} mounts volume '{{volume}}', which is ${NEITHER}: ${POD_REJECTED} (volumeMounts.name: Not found)`,
      statefulSetDevice: `{{container}} attaches block volume '{{volume}}', which is ${NEITHER}: ${POD_REJECTED} (volumeDevices.name: Not found)`,
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const volumes = podVolumeNames(podSpec.spec);
    const statefulSet = isStatefulSet(resource);
    const claims = statefulSet ? claimTemplatesOf(resource).flatMap(({ name }) => (name ? [name] : [])) : [];
    const known = new Set([...volumes, ...claims]);
    const data = {
      kind: resource.kind,
      name: resource.name,
      volumes: volumes.size > 0 ? [...volumes].join(', ') : 'the pod has none',
      claims: claims.length > 0 ? claims.join(', ') : 'there are none',
    };
    for (const container of containersOf(podSpec.spec, podSpec.path)) {
      for (const use of volumeUsesOf(container)) {
        if (known.has(use.name)) continue;
        const mount = use.field === 'volumeMounts';
        const messageId = statefulSet ? (mount ? 'statefulSetMount' : 'statefulSetDevice') : mount ? 'mount' : 'device';
        context.report({ path: use.path, messageId, data: { ...data, container: describeContainer(container), volume: use.name } });
      }
    }
  },
});

function describeContainer({ container, list }: ContainerAt): string {
  const kind = { containers: 'Container', initContainers: 'Init container', ephemeralContainers: 'Ephemeral container' }[list];
  return typeof container.name === 'string' ? `${kind} '${container.name}'` : kind;
}
