import { highestOrdinal, isStatefulSet } from '../../src/k8s/statefulsets.js';
import type { Rule } from '../../src/types.js';

/** Label values are at most 63 characters. */
const MAX_LABEL_VALUE = 63;
/** The controller-revision-hash label is `<name>-<hash>`, the hash being up to 10 characters. */
const REVISION_SUFFIX = 11;
const MAX_NAME = MAX_LABEL_VALUE - REVISION_SUFFIX;

const rule: Rule = {
  meta: {
    id: 'statefulset-name-too-long',
    severity: 'error',
    description: 'Disallow StatefulSet names too long for the labels and hostnames of their pods',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    if (!isStatefulSet(resource) || typeof name !== 'string') return;
    const what = `StatefulSet '${name}' name is ${name.length} characters`;
    if (name.length > MAX_NAME) {
      context.report({
        path: ['metadata', 'name'],
        message: `${what}; the controller-revision-hash label '<name>-<hash>' would be ${name.length + REVISION_SUFFIX} > ${MAX_LABEL_VALUE}, so no pod is ever created (keep it at ${MAX_NAME} or fewer)`,
      });
      return;
    }
    const ordinal = highestOrdinal(resource);
    if (ordinal === undefined) return;
    const podName = `${name}-${ordinal}`;
    if (podName.length <= MAX_LABEL_VALUE) return;
    context.report({
      path: ['metadata', 'name'],
      message: `${what}; its last pod '${podName}' (ordinal ${ordinal}) is ${podName.length} > ${MAX_LABEL_VALUE} characters, too long for its hostname and statefulset.kubernetes.io/pod-name label, so that pod is never created`,
    });
  },
};

export default rule;
