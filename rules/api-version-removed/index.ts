import { apiStatus, deprecatedApi, migrationAdvice, normalizeVersion } from '../../src/k8s/api-versions.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'api-version-removed',
    severity: 'error',
    description: 'Disallow apiVersions that the target Kubernetes version no longer serves',
    messages: {
      removed: "{{kind}} '{{name}}' uses {{apiVersion}}, which is no longer served since Kubernetes {{removedIn}} (target {{target}}); {{advice}}",
    },
  },
  check(resource, context) {
    const target = normalizeVersion(context.kubernetesVersion);
    const entry = deprecatedApi(resource.apiVersion, resource.kind);
    if (!target || !entry || apiStatus(entry, target) !== 'removed') return;
    const { kind, name, apiVersion } = resource;
    context.report({
      path: ['apiVersion'],
      messageId: 'removed',
      data: { kind, name, apiVersion, removedIn: entry.removedIn, target, advice: migrationAdvice(entry, target) },
    });
  },
});
