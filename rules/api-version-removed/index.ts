import { apiStatus, deprecatedApi, migrationAdvice, normalizeVersion } from '../../src/k8s/api-versions.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  meta: {
    id: 'api-version-removed',
    severity: 'error',
    description: 'Disallow apiVersions that the target Kubernetes version no longer serves',
  },
  check(resource, context) {
    const target = normalizeVersion(context.kubernetesVersion);
    const entry = deprecatedApi(resource.apiVersion, resource.kind);
    if (!target || !entry || apiStatus(entry, target) !== 'removed') return;
    context.report({
      path: ['apiVersion'],
      message:
        `${resource.kind} '${resource.name}' uses ${resource.apiVersion}, which is no longer served since Kubernetes ${entry.removedIn} ` +
        `(target ${target}); ${migrationAdvice(entry, target)}`,
    });
  },
};

export default rule;
