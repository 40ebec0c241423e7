import { claimsDeclaredBy } from '../../src/k8s/claims.js';
import { claimClassOf, storageClassNamed, storageClassNames, volumeCouldBind, volumesOfClass } from '../../src/k8s/storage.js';
import { defineRule } from '../../src/linter/rule.js';
import { closestName } from '../../src/util/names.js';

/** StorageClass names listed in a message, at most. */
const MAX_LISTED = 5;

export default defineRule({
  meta: {
    id: 'storageclass-missing',
    severity: 'warning',
    description: 'Warn when a claim names a StorageClass the inputs do not declare, or asks for no class with no PersistentVolume to bind',
    kinds: ['apps/StatefulSet', 'PersistentVolumeClaim'],
    messages: {
      unknownClass:
        "{{subject}} names StorageClass '{{storageClass}}', which no StorageClass in the inputs declares ({{declared}}): no volume is provisioned and the claim stays Pending until a class of that name exists{{suggestion}}",
      noVolume:
        '{{subject}} sets storageClassName: "" (no class), so only a PersistentVolume without a class can be bound to it, and no such PersistentVolume in the inputs fits it (free or reserved for it, large enough, same volume mode and access modes{{volumeName}}): the claim stays Pending; name a StorageClass to provision a volume, or declare the PersistentVolume',
    },
  },
  check(resource, context) {
    const { index } = context;
    for (const { claim, spec, path, subject, named } of claimsDeclaredBy(resource)) {
      const claimClass = claimClassOf(claim, path);
      // No class written: the cluster's default StorageClass applies, in the inputs or not.
      if (claimClass.name === null) continue;
      if (claimClass.name === '') {
        const request = { namespace: resource.namespace, named, spec };
        if (volumesOfClass(index, '').some((volume) => volumeCouldBind(volume, request))) continue;
        const volumeName = typeof spec.volumeName === 'string' && spec.volumeName !== '' ? `, named by spec.volumeName '${spec.volumeName}'` : '';
        context.report({ path: claimClass.path, messageId: 'noVolume', data: { subject, volumeName } });
        continue;
      }
      const declared = storageClassNames(index);
      // Only when the inputs declare StorageClasses: otherwise the classes live in the cluster, out of sight.
      if (declared.length === 0 || storageClassNamed(index, claimClass.name)) continue;
      const suggested = closestName(claimClass.name, declared);
      const listed = declared.slice(0, MAX_LISTED).map((name) => `'${name}'`).join(', ');
      context.report({
        path: claimClass.path,
        messageId: 'unknownClass',
        data: {
          subject,
          storageClass: claimClass.name,
          declared: `it declares ${listed}${declared.length > MAX_LISTED ? ` and ${declared.length - MAX_LISTED} more` : ''}`,
          suggestion: suggested ? `; did you mean '${suggested}'?` : '',
        },
      });
    }
  },
});
