import { claimTemplatesOf, highestOrdinal, isDnsLabel, isDnsSubdomain } from '../../src/k8s/statefulsets.js';
import { isStatefulSet } from '../../src/k8s/kinds.js';
import { defineRule } from '../../src/linter/rule.js';

const MAX_SUBDOMAIN = 253;

const GENERATES = "Claim template '{{claim}}' of StatefulSet '{{name}}' generates PersistentVolumeClaim names like '{{generated}}' (ordinal {{ordinal}})";
const REJECTED = 'the claim is rejected, so the pod never starts';

export default defineRule({
  meta: {
    id: 'statefulset-claim-name-too-long',
    severity: 'error',
    description: 'Require the PersistentVolumeClaim names a StatefulSet generates to be valid DNS subdomains',
    kinds: ['apps/StatefulSet'],
    messages: {
      tooLong: `${GENERATES}, which is {{length}} > ${MAX_SUBDOMAIN} characters: ${REJECTED}`,
      notSubdomain: `${GENERATES}, which is not a valid DNS subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit): ${REJECTED}`,
      volumeName:
        "Claim template '{{claim}}' of StatefulSet '{{name}}' is also the name of the pod volume the controller adds, which must be a DNS-1123 label (at most 63 characters, no '.'): every pod is rejected",
    },
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    // An invalid StatefulSet name is rejected with the StatefulSet itself: that is not this rule's finding.
    if (!isStatefulSet(resource) || typeof name !== 'string' || !isDnsLabel(name)) return;
    const ordinal = highestOrdinal(resource);
    if (ordinal === undefined) return;
    for (const { path, name: claim } of claimTemplatesOf(resource)) {
      if (claim === undefined) continue;
      const at = [...path, 'metadata', 'name'];
      const generated = `${claim}-${name}-${ordinal}`;
      if (!isDnsSubdomain(generated)) {
        const data = { claim, name, generated: shorten(generated), ordinal, length: generated.length };
        context.report({ path: at, messageId: generated.length > MAX_SUBDOMAIN ? 'tooLong' : 'notSubdomain', data });
      } else if (!isDnsLabel(claim)) {
        // The controller also adds the template to each pod as a volume of the same name, and volume names are DNS labels.
        context.report({ path: at, messageId: 'volumeName', data: { claim, name } });
      }
    }
  },
});

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-30)}` : text;
}
