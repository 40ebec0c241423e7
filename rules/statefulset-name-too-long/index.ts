import { highestOrdinal } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';

/** Label values are at most 63 characters. */
const MAX_LABEL_VALUE = 63;
/** The controller-revision-hash label is `<name>-<hash>`, the hash being up to 10 characters. */
const REVISION_SUFFIX = 11;
const MAX_NAME = MAX_LABEL_VALUE - REVISION_SUFFIX;

const NAME = "StatefulSet '{{name}}' name is {{length}} characters";

export default defineRule({
  meta: {
    id: 'statefulset-name-too-long',
    severity: 'error',
    description: 'Disallow StatefulSet names too long for the labels and hostnames of their pods',
    kinds: ['apps/StatefulSet'],
    messages: {
      revisionLabel: `${NAME}; the controller-revision-hash label '<name>-<hash>' would be {{labelLength}} > ${MAX_LABEL_VALUE}, so no pod is ever created (keep it at ${MAX_NAME} or fewer)`,
      podName: `${NAME}; its last pod '{{pod}}' (ordinal {{ordinal}}) is {{podLength}} > ${MAX_LABEL_VALUE} characters, too long for its hostname and statefulset.kubernetes.io/pod-name label, so that pod is never created`,
    },
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    if (!isStatefulSet(resource) || typeof name !== 'string') return;
    if (name.length > MAX_NAME) {
      const data = { name, length: name.length, labelLength: name.length + REVISION_SUFFIX };
      context.report({ path: ['metadata', 'name'], messageId: 'revisionLabel', data });
      return;
    }
    const ordinal = highestOrdinal(resource);
    if (ordinal === undefined) return;
    const pod = `${name}-${ordinal}`;
    if (pod.length <= MAX_LABEL_VALUE) return;
    context.report({ path: ['metadata', 'name'], messageId: 'podName', data: { name, length: name.length, pod, ordinal, podLength: pod.length } });
  },
});
