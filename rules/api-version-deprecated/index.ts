import { apiStatus, deprecatedApi, migrationAdvice, normalizeVersion } from '../../src/k8s/api-versions.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'api-version-deprecated',
    severity: 'warning',
    description: 'Warn about apiVersions that the target Kubernetes version serves but has deprecated',
  },
  check(resource, context) {
    const target = normalizeVersion(context.kubernetesVersion);
    const entry = deprecatedApi(resource.apiVersion, resource.kind);
    if (!target || !entry || apiStatus(entry, target) !== 'deprecated') return;
    context.report({
      path: ['apiVersion'],
      message:
        `${resource.kind} '${resource.name}' uses ${resource.apiVersion}, which is deprecated since Kubernetes ${entry.deprecatedIn} ` +
        `and removed in ${entry.removedIn} (target ${target}); ${migrationAdvice(entry, target)}`,
    });
  },
};

export default rule;
