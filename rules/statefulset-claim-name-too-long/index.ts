import { claimTemplatesOf, highestOrdinal, isDnsLabel, isDnsSubdomain, isStatefulSet } from '../../src/k8s/statefulsets.js';
import type { Rule } from '../../src/types.js';

const MAX_SUBDOMAIN = 253;

const rule: Rule = {
  meta: {
    id: 'statefulset-claim-name-too-long',
    severity: 'error',
    description: 'Require the PersistentVolumeClaim names a StatefulSet generates to be valid DNS subdomains',
    kinds: ['apps/StatefulSet'],
  },
  check(resource, context) {
    const name = resource.object.metadata?.name;
    // An invalid StatefulSet name is rejected with the StatefulSet itself: that is not this rule's finding.
    if (!isStatefulSet(resource) || typeof name !== 'string' || !isDnsLabel(name)) return;
    const ordinal = highestOrdinal(resource);
    if (ordinal === undefined) return;
    for (const { path, name: claim } of claimTemplatesOf(resource)) {
      if (claim === undefined) continue;
      const generated = `${claim}-${name}-${ordinal}`;
      const message = isDnsSubdomain(generated)
        ? volumeNameProblem(claim, name)
        : `Claim template '${claim}' of StatefulSet '${name}' generates PersistentVolumeClaim names like '${shorten(generated)}' (ordinal ${ordinal}), which ${subdomainProblem(generated)}: the claim is rejected, so the pod never starts`;
      if (message) context.report({ path: [...path, 'metadata', 'name'], message });
    }
  },
};

function subdomainProblem(generated: string): string {
  return generated.length > MAX_SUBDOMAIN
    ? `is ${generated.length} > ${MAX_SUBDOMAIN} characters`
    : "is not a valid DNS subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)";
}

/** The controller also adds the template to each pod as a volume of the same name, and volume names are DNS labels. */
function volumeNameProblem(claim: string, statefulSet: string): string | undefined {
  if (isDnsLabel(claim)) return undefined;
  return `Claim template '${claim}' of StatefulSet '${statefulSet}' is also the name of the pod volume the controller adds, which must be a DNS-1123 label (at most 63 characters, no '.'): every pod is rejected`;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-30)}` : text;
}

export default rule;
