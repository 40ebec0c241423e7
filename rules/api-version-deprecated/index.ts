import { apiStatus, deprecatedApi, migrationAdvice, normalizeVersion } from '../../src/k8s/api-versions.js';
import { defineRule } from '../../src/linter/rule.js';

export default defineRule({
  meta: {
    id: 'api-version-deprecated',
    severity: 'warning',
    description: 'Warn about apiVersions that the target Kubernetes version serves but has deprecated',
    messages: {
      deprecated:
        "{{kind}} '{{name}}' uses {{apiVersion}}, which is deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}} (target {{target}}); {{advice}}",
    },
  },
  check(resource, context) {
    const target = normalizeVersion(context.kubernetesVersion);
    const entry = deprecatedApi(resource.apiVersion, resource.kind);
    if (!target || !entry?.deprecatedIn || apiStatus(entry, target) !== 'deprecated') return;
    const { kind, name, apiVersion } = resource;
    const { deprecatedIn, removedIn } = entry;
    context.report({
      path: ['apiVersion'],
      messageId: 'deprecated',
      data: { kind, name, apiVersion, deprecatedIn, removedIn, target, advice: migrationAdvice(entry, target) },
    });
  },
});
